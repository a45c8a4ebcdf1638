## The family plan in the staff pages (pages/plan.rs).
