## Mijn Buurtteam, the family portal (pages/portal.rs).
