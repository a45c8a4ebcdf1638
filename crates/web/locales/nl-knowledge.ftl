# Knowledge base (issue 20).

# block K
access-action-knowledge-article-created = Artikel in de kennisbank geschreven
access-action-knowledge-article-changed = Artikel in de kennisbank gewijzigd
# end of block K

# The pages.
knowledge-title = Kennisbank
knowledge-intro = Afspraken en kennis over basishulp, uit de teams en uit calamiteitenonderzoek. Zoek op woorden zoals je ze zelf zou typen.
knowledge-new = Nieuw artikel schrijven
knowledge-review-link = Artikelen om na te kijken
knowledge-search = Zoeken in de kennisbank
label-knowledge-q = Zoekwoorden
hint-knowledge-q = Bijvoorbeeld: echtscheiding, schulden of ruzie.
label-knowledge-category = Categorie
label-knowledge-life-domain = Leefgebied
knowledge-filter-all = Alle
knowledge-search-button = Zoeken
knowledge-results = { $count ->
    [one] 1 artikel gevonden
   *[other] { $count } artikelen gevonden
}
knowledge-recent = Nieuwste artikelen
knowledge-none = Geen artikelen gevonden. Probeer andere woorden of minder filters.
knowledge-categories = Categorieën
knowledge-back = Terug naar de kennisbank
knowledge-review-due = Dit artikel had op { $date } nagekeken moeten worden. Ga na of het nog klopt.
knowledge-owner = Eigenaar
knowledge-review-by = Nakijken voor
knowledge-edit = Artikel wijzigen
knowledge-updated = Laatst gewijzigd door { $who } op { $when }.
knowledge-versions = Versies
knowledge-version = Versie { $number }
knowledge-version-first = Eerste versie
knowledge-diff = Wat er in de tekst veranderde
knowledge-field-title = titel
knowledge-field-summary = samenvatting
knowledge-field-body-markdown = tekst
knowledge-field-categories = categorieën
knowledge-field-life-domains = leefgebieden
knowledge-field-review-by = nakijkdatum
knowledge-new-title = Nieuw artikel
knowledge-edit-title = Artikel wijzigen
label-knowledge-title = Titel
label-knowledge-summary = Samenvatting
hint-knowledge-summary = Een paar zinnen: waar gaat het artikel over? Dit staat in de zoekresultaten.
label-knowledge-body-markdown = Tekst
hint-knowledge-body-markdown = In Markdown: # Kop, **vet**, *schuin*, - opsomming, [tekst](https://…). HTML wordt niet getoond.
label-knowledge-categories = Categorieën
hint-knowledge-categories = Gescheiden door komma's, bijvoorbeeld: Scheiding, Veiligheid.
label-knowledge-life-domains = Leefgebieden
label-knowledge-review-by = Nakijken voor
hint-knowledge-review-by = Leeg laten: over een jaar.
field-error-knowledge-too-many = Hoogstens { $max }.
field-error-knowledge-unknown-code = Kies een leefgebied uit de lijst.
knowledge-save = Opslaan
knowledge-edit-conflict = Iemand anders heeft het artikel intussen gewijzigd. Open het opnieuw en breng je wijziging dan aan.
done-knowledge-created = Het artikel staat in de kennisbank.
done-knowledge-changed = De wijziging is opgeslagen als nieuwe versie.
knowledge-review-title = Artikelen om na te kijken
knowledge-review-intro = Deze artikelen zijn over hun nakijkdatum. Kijk of ze nog kloppen en zet een nieuwe datum, of pas ze aan. Je eigen artikelen staan bovenaan.
knowledge-review-none = Er zijn geen artikelen over hun nakijkdatum.
knowledge-review-caption = Artikelen over hun nakijkdatum
knowledge-col-title = Artikel
knowledge-own = van jou
knowledge-useful-here = Nuttig hier
knowledge-useful-more = Meer in de kennisbank

# The editor right on the admin user page.
admin-users-knowledge = Kennisbank
admin-users-knowledge-editor = Mag artikelen in de kennisbank schrijven en wijzigen (redacteur)
admin-users-knowledge-hint = Beheerders en teammanagers schrijven altijd; iedereen van de organisatie leest.
admin-users-knowledge-submit = Redacteursrecht opslaan
done-user-knowledge-editor = Het redacteursrecht voor de kennisbank is opgeslagen.
knowledge-changed = Gewijzigd: { $fields }
