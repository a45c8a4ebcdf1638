# Outreach: campaigns, signals of payment arrears, attempts (issue 16).

# block O1
access-action-campaign-created = Campagne aangemaakt
access-action-campaign-changed = Campagne gewijzigd
access-action-campaign-signals-imported = Signalen ingelezen
access-action-campaign-basket-read = Werkbak gelezen
access-action-campaign-address-read = Campagne-adres gelezen
access-action-campaign-address-assigned = Campagne-adressen toegewezen
access-action-outreach-weighing-changed = Weging werkbak gewijzigd
# end of block O1

# block O2
# end of block O2
