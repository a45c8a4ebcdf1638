//! Outreach campaigns, the signals imported into them and the work basket of addresses they
//! group into (issue 16, decision 0033). The store keeps what it is told; the CSV rules, the
//! grouping and the weighing are `domain::outreach_import`'s, who may do what is
//! `domain::policy::outreach`'s.

pub mod basket;
pub mod campaigns;
pub mod signals;
