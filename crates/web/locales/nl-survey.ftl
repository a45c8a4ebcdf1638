# The experience survey (issue 17).

# block S1: questionnaires, invitations, answering (link, portal, paper)
## The public survey page, the portal and the letter (families: "je", B1)
survey-title = Ervaringswijzer
survey-intro = Je hebt hulp gekregen van het buurtteam. Hoe was dat? Kies bij elke zin wat het best bij jou past. Het kost ongeveer 3 minuten.
survey-privacy = Je antwoorden worden niet aan je naam of je dossier gekoppeld. Je gezinswerker ziet niet wat je hebt ingevuld.
survey-submit = Verstuur mijn antwoorden
survey-agree-1 = Helemaal niet mee eens
survey-agree-2 = Niet mee eens
survey-agree-3 = Niet eens, niet oneens
survey-agree-4 = Mee eens
survey-agree-5 = Helemaal mee eens
survey-report-mark = Welk cijfer geef je het buurtteam? (1 is heel slecht, 10 is heel goed)
survey-mark-none = Geen cijfer
survey-comment-hint = Dit mag je leeg laten. Namen en nummers halen we eruit.
survey-error-choose = Kies een antwoord bij: { $statement }
survey-error-code = Dit is geen code. Een code heeft 8 letters en cijfers, zoals ACDE-FGHJ.
survey-code = Code
survey-code-hint = De code staat in de brief, bijvoorbeeld ACDE-FGHJ.
survey-code-submit = Verder
survey-start-title = Ervaringswijzer
survey-start-text = Vul de code uit je brief in. Je hebt geen account nodig.
survey-thanks-title = Bedankt!
survey-thanks-text = Je antwoorden zijn verstuurd. Daarmee helpt je het buurtteam om beter te worden.
survey-expired-title = Deze code werkt niet
survey-expired-text = De code is onbekend of ouder dan 30 dagen. Kijk of je hem goed hebt overgenomen. Of vraag je gezinswerker om een nieuwe brief.
survey-answered-title = Al ingevuld
survey-answered-text = Met deze code is de Ervaringswijzer al ingevuld. Je kunt hem maar één keer gebruiken.
survey-held-off-title = Even wachten
survey-held-off-text = Er zijn te veel verkeerde codes ingevuld. Probeer het over een uur opnieuw.
survey-moment-six-months = Na een half jaar hulp
survey-moment-closure = Bij het einde van de hulp
survey-portal-title = Ervaringswijzer
survey-portal-none = Er staat nu geen Ervaringswijzer voor je klaar.
survey-portal-intro = We horen graag hoe de hulp voor jou was.
survey-portal-open = Vul de Ervaringswijzer in ({ $moment })
survey-portal-until = kan tot { $date }
survey-portal-reminder = Herinnering
survey-portal-back = Terug naar Mijn Buurtteam
survey-back = Terug
survey-letter-heading = Hoe was de hulp van het buurtteam?
survey-letter-dear = Beste { $name },
survey-letter-why = We willen graag weten hoe jij de hulp van het buurtteam vindt. Zo kunnen we beter worden. Wil je de Ervaringswijzer invullen? Het kost ongeveer 3 minuten.
survey-letter-how = Scan de QR-code met je telefoon.
survey-letter-or = Of ga naar
survey-letter-code = Vul daar deze code in:
survey-letter-until = De code werkt tot en met { $date }, en één keer.
survey-letter-paper = Liever op papier? Vraag je gezinswerker om een papieren lijst.
survey-letter-no-code = De code kan niet meer getoond worden. Hij is al gebruikt, te oud, of alleen getoond toen hij werd gemaakt.
survey-letter-private = Je antwoorden worden niet aan je naam gekoppeld. Je gezinswerker ziet niet wat je invult.
survey-letter-thanks = Alvast bedankt!
survey-letter-other-language = This survey is also in English: choose "English" at the top of the page.

## Staff: the case file, the letter, paper (impersonal, no "u")
survey-case-title = Ervaringswijzer
survey-back-to-case = Terug naar het dossier
survey-case-intro = Hier staat wie is uitgenodigd en of er is geantwoord. Wat iemand antwoordde, staat nergens bij het dossier.
survey-invitations = Uitnodigingen
survey-no-invitations = Nog niemand uitgenodigd. Het systeem nodigt zelf uit na een half jaar hulp en bij afsluiten.
survey-col-person = Wie
survey-col-moment = Moment
survey-col-invited = Uitgenodigd op
survey-col-state = Stand
survey-col-letter = Brief
survey-state-open = Open, code geldig tot { $date }
survey-state-reminded = Herinnerd, code geldig tot { $date }
survey-state-answered = Ingevuld
survey-state-expired = Verlopen zonder antwoord
survey-hand-over = Geef de brief nog een keer.
survey-print-letter = Brief printen
survey-invite = Uitnodigen
survey-invite-intro = Ouders en cliënten vanaf 12 jaar. Na het uitnodigen opent de brief met de code.
survey-person = Wie
survey-moment = Moment
survey-invite-submit = Uitnodigen en brief maken
survey-already-invited = Deze persoon is voor dit moment al uitgenodigd.
survey-not-started = De ondersteuning is nog niet gestart: uitnodigen na een half jaar kan pas daarna.
survey-paper = Papieren lijst invoeren
survey-paper-intro = Neem de code en de antwoorden over van de papieren lijst. Het antwoord wordt als papier opgeslagen, los van het dossier.
survey-letter-title = Brief Ervaringswijzer
survey-letter-print-hint = Printen met Ctrl+P: alleen de brief komt op papier.
done-survey-paper = De papieren lijst is opgeslagen.
survey-settings-months = { $n } maanden na de start
settings-survey-after = Ervaringswijzer na
settings-survey-after-help = Zo lang na de start van de ondersteuning nodigt het systeem ouders en jongeren vanaf 12 uit. Bij afsluiten ook.

## Admin: the questionnaire
admin-section-survey = Ervaringswijzer
admin-section-survey-text = De stellingen, het rapportcijfer en de open vraag. Elke wijziging is een nieuwe versie.
survey-admin-title = Vragenlijst Ervaringswijzer
survey-admin-back = Terug naar beheer
survey-admin-intro = Nu geldt versie { $version }. Opslaan met een wijziging maakt een nieuwe versie; antwoorden houden de versie waarop ze zijn gegeven.
survey-admin-statement = Stelling { $n }
survey-admin-key = Sleutel (blijft gelijk over versies, bijvoorbeeld helped_quickly)
survey-admin-text-nl = Tekst in het Nederlands (B1)
survey-admin-text-en = Tekst in het Engels
survey-admin-rows-hint = Een stelling weghalen: maak alle drie de velden leeg. Na opslaan komen er twee lege regels bij.
survey-admin-report-mark = Vraag om een rapportcijfer (1 tot 10)
survey-admin-open-nl = Open vraag in het Nederlands (leeg: geen open vraag)
survey-admin-open-en = Open vraag in het Engels
survey-admin-save = Opslaan als nieuwe versie
survey-admin-versions = Versies
survey-admin-col-version = Versie
survey-admin-col-date = Datum
survey-admin-col-by = Door
survey-admin-col-statements = Stellingen
survey-admin-by-system = Eerste versie
done-survey-saved = De vragenlijst is opgeslagen.
field-error-not-asked-for-survey = Alleen ouders en cliënten vanaf 12 jaar krijgen de Ervaringswijzer.
field-error-invalid-moment = Kies een moment.
field-error-unknown-code = Deze code hoort niet bij dit dossier. Kijk de code op de lijst na.
field-error-expired-code = Deze code is ouder dan 30 dagen.
field-error-statement-count = Geef 1 tot 12 stellingen.
field-error-duplicate-key = Elke stelling heeft een eigen sleutel nodig.
field-error-invalid-key = Gebruik kleine letters, cijfers en _ (hoogstens 40 tekens).
field-error-invalid-text = Schrijf 1 tot 200 tekens.
field-error-open-question-language = Geef de open vraag in beide talen, of laat beide leeg.
field-error-survey-choose = Kies een antwoord bij: { $statement }
# end of block S1

# block S2: results and steering
# end of block S2
