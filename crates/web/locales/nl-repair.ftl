# Data repair by team managers (decision 0020): a referral registered by mistake voided, a
# household registered twice merged. The admin area's texts are in nl-admin.ftl.

status-voided = Vervallen
event-voided = Aanmelding vervallen
voided-banner = Deze aanmelding is op { $date } vervallen: { $reason }. Ze telt niet mee in lijsten en cijfers; het dossier blijft leesbaar.
void-reason-duplicate = Dubbel geregistreerd
void-reason-wrong-household = Bij het verkeerde gezin of de verkeerde persoon
void-reason-wrong-team = Bij het verkeerde team geregistreerd
void-reason-test = Test of oefening
void-reason-other = Andere vergissing
repair-links = Herstel
repair-void-link = Aanmelding laten vervallen (per vergissing geregistreerd)
repair-merge-link = Dubbel geregistreerd gezin samenvoegen
void-title = Aanmelding laten vervallen
void-back = Terug naar het dossier
void-intro = Gebruik dit alleen voor een aanmelding die per vergissing is geregistreerd en waarvoor nog geen kennismakingsgesprek was. De aanmelding blijft leesbaar voor het team, maar telt niet meer mee in de werkvoorraad, de wachtlijst en de cijfers. Dit kan niet ongedaan worden gemaakt.
label-reason-code = Soort vergissing
label-void-reason = Toelichting
hint-void-reason = Wat is er misgegaan? Dit komt in de geschiedenis van het dossier.
void-submit = Aanmelding laten vervallen
done-voided = De aanmelding is vervallen.
merge-title = Dubbel geregistreerd gezin samenvoegen
merge-intro = Kies het huishouden dat hetzelfde gezin is. De gezinsleden en begeleidingen daarvan gaan naar dit huishouden; het andere huishouden verwijst daarna hierheen. Personen die dubbel voorkomen, blijven allebei bestaan: controleer ze daarna.
merge-keep = Huishouden { $id } (blijft bestaan)
merge-none-found = Er is geen huishouden gevonden met dezelfde gezinsleden. Vul het nummer van het andere huishouden in als u het weet.
merge-candidates = Mogelijk hetzelfde gezin
merge-candidates-hint = Gevonden op dezelfde naam en geboortedatum of hetzelfde BSN, binnen de gezinnen van uw teams.
merge-candidate = Huishouden { $id }
merge-same-person = Mogelijk dezelfde persoon: { $here } (hier) en { $there } (daar). Beiden blijven bestaan.
label-merged-household-id = Nummer van het andere huishouden
hint-merged-household-id = Het huishouden dat in dit huishouden opgaat.
merge-submit = Samenvoegen
done-merged = De huishoudens zijn samengevoegd.
field-error-same-household = Kies een ander huishouden dan dit.
field-error-already-merged = Dit huishouden is al samengevoegd met een ander.
field-error-before-from = Deze datum ligt voor de begindatum.
