# language: de
Funktionalität: Mehrwertsteuer
  Finanz- und Betriebs-Apps berechnen die Mehrwertsteuer einer Projektrechnung, wenn der
  Projektrechnungsvorschlag gebucht wird. Jede Zeile des Vorschlags hat eine Mehrwertsteuergruppe, die zur
  Partei der Rechnung gehört, und eine Artikel-Mehrwertsteuergruppe, die zum berechneten Gegenstand gehört.
  Für die Zeile gelten die Mehrwertsteuercodes, die in beiden Gruppen vorkommen, jeweils mit dem Satz, der am
  Rechnungsdatum gilt. Die Gruppen der Zeile stammen vom Debitor und von der Projektkategorie; der
  Projektbuchhalter kann sie im Vorschlag vor dem Buchen ändern.

  Quellen: Microsoft Learn, `invoicing/format-update-project-invoice-proposals.md` („Billing sales tax“),
  `invoicing/correct-project-invoice-proposals.md` („Adjust sales tax“) und die Seite „Mehrwertsteuerüberblick“
  der Finanz- und Betriebs-Apps.

  Grundlage:
    Angenommen die juristische Person "DEMF" mit der Buchhaltungswährung "EUR"
    Und der Mehrwertsteuercode "VAT19" hat einen Steuersatz von 19 %
    Und der Mehrwertsteuercode "VAT7" hat einen Steuersatz von 7 %
    Und die Mehrwertsteuergruppe "DOM" enthält die Mehrwertsteuercodes "VAT19, VAT7"
    Und die Artikel-Mehrwertsteuergruppe "FULL" enthält den Mehrwertsteuercode "VAT19"
    Und die Artikel-Mehrwertsteuergruppe "REDUCED" enthält den Mehrwertsteuercode "VAT7"
    Und die Projektkategorie "Beratung" für Stunden hat die Artikel-Mehrwertsteuergruppe "FULL"
    Und der Projektvertrag "Lagerverwaltung" für den Debitor "Fabrikam GmbH"
    Und die Mehrwertsteuergruppe des Debitors ist "DOM"
    Und der Vertrag rechnet Zeit und Material mit 150,00 pro Stunde ab, bei Kosten von 80,00 pro Stunde

  @id:tax-from-groups @doc:rule.tax-intersection @doc:rule.tax-group-defaults @doc:rule.tax-category-of-type @doc:rule.tax-rounding @convention
  Szenario: Eine Zeile wird mit dem Code besteuert, den ihre beiden Gruppen gemeinsam haben (welche Kategorie gilt und wie gerundet wird, ist unsere Konvention)
    Angenommen "Bob" hat 7,25 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und die nicht fakturierten Umsätze sind über das Project Operations-Integrationsjournal gebucht
    Und der Projektmanager erstellt eine Proforma-Rechnung für den Vertrag und bestätigt sie
    Wenn der periodische Prozess "Aus Stagingtabelle importieren" ausgeführt wird
    Dann hat die Projektrechnungsvorschlagszeile die Mehrwertsteuergruppe "DOM" und die Artikel-Mehrwertsteuergruppe "FULL"
    Wenn der Projektbuchhalter den Projektrechnungsvorschlag bucht
    Dann beträgt der Betrag des Projektrechnungsvorschlags 1.087,50
    Und der Umsatzsteuerbetrag der Kundenrechnung beträgt 206,63
    Und der Istwert für fakturierte Umsätze zeigt die Buchhaltungsdetails:
      | Umsatzsteuerbetrag | 206,63 |

  @id:tax-rate-by-date @doc:rule.tax-value-by-date @convention
  Szenario: Ein Mehrwertsteuercode berechnet den am Rechnungsdatum gültigen Satz (welches Datum entscheidet, ist unsere Konvention)
    Angenommen der Steuersatz des Mehrwertsteuercodes "VAT19" hat sich gestern auf 16 % geändert
    Und "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und die nicht fakturierten Umsätze sind über das Project Operations-Integrationsjournal gebucht
    Und der Projektmanager erstellt eine Proforma-Rechnung für den Vertrag und bestätigt sie
    Wenn der periodische Prozess "Aus Stagingtabelle importieren" ausgeführt wird
    Und der Projektbuchhalter den Projektrechnungsvorschlag bucht
    Dann beträgt der Umsatzsteuerbetrag der Kundenrechnung 192,00

  @id:tax-adjust-line @doc:rule.tax-adjust-groups
  Szenario: Der Projektbuchhalter ändert vor dem Buchen die Artikel-Mehrwertsteuergruppe einer Zeile
    Angenommen "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und die nicht fakturierten Umsätze sind über das Project Operations-Integrationsjournal gebucht
    Und der Projektmanager erstellt eine Proforma-Rechnung für den Vertrag und bestätigt sie
    Und der periodische Prozess "Aus Stagingtabelle importieren" wird ausgeführt
    Wenn der Projektbuchhalter die Artikel-Mehrwertsteuergruppe der Projektrechnungsvorschlagszeile auf "REDUCED" setzt
    Und der Projektbuchhalter den Projektrechnungsvorschlag bucht
    Dann beträgt der Umsatzsteuerbetrag der Kundenrechnung 84,00
    Und der Istwert für fakturierte Umsätze zeigt die Buchhaltungsdetails:
      | Umsatzsteuerbetrag | 84,00 |
    Wenn der Projektbuchhalter versucht, die Artikel-Mehrwertsteuergruppe der Projektrechnungsvorschlagszeile auf "FULL" zu setzen
    Dann wird der Vorgang abgelehnt

  @id:tax-no-shared-code @doc:rule.tax-intersection
  Szenario: Eine Zeile, deren Gruppen keinen Mehrwertsteuercode gemeinsam haben, hat keine Mehrwertsteuer
    Angenommen die Mehrwertsteuergruppe "EXPORT" enthält den Mehrwertsteuercode "VAT7"
    Und "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und die nicht fakturierten Umsätze sind über das Project Operations-Integrationsjournal gebucht
    Und der Projektmanager erstellt eine Proforma-Rechnung für den Vertrag und bestätigt sie
    Und der periodische Prozess "Aus Stagingtabelle importieren" wird ausgeführt
    Wenn der Projektbuchhalter die Mehrwertsteuergruppe der Projektrechnungsvorschlagszeile auf "EXPORT" setzt
    Und der Projektbuchhalter den Projektrechnungsvorschlag bucht
    Dann beträgt der Umsatzsteuerbetrag der Kundenrechnung 0,00

  @id:tax-delete-all @doc:rule.tax-delete-all-reimport
  Szenario: Nach dem Löschen aller Zeilen bringt ein neuer Import die Zeilen mit ihren Standardgruppen zurück
    Angenommen "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und die nicht fakturierten Umsätze sind über das Project Operations-Integrationsjournal gebucht
    Und der Projektmanager erstellt eine Proforma-Rechnung für den Vertrag und bestätigt sie
    Und der periodische Prozess "Aus Stagingtabelle importieren" wird ausgeführt
    Und der Projektbuchhalter setzt die Artikel-Mehrwertsteuergruppe der Projektrechnungsvorschlagszeile auf "REDUCED"
    Wenn der Projektbuchhalter alle Zeilen des Projektrechnungsvorschlags löscht
    Dann hat der Projektrechnungsvorschlag noch keine Zeilen
    Wenn der periodische Prozess "Aus Stagingtabelle importieren" erneut ausgeführt wird
    Dann hat der Projektrechnungsvorschlag 1 Zeile
    Und die Projektrechnungsvorschlagszeile hat die Mehrwertsteuergruppe "DOM" und die Artikel-Mehrwertsteuergruppe "FULL"
    Wenn der Projektbuchhalter den Projektrechnungsvorschlag bucht
    Dann beträgt der Umsatzsteuerbetrag der Kundenrechnung 228,00

  @id:tax-total-in-dataverse @doc:rule.tax-invoice-total-dataverse
  Szenario: Die Buchung bringt die Gesamtsteuer der Rechnung zur Proforma-Rechnung
    Angenommen die Tabellenzuordnung "Project Operations integration invoice proposal export entity (msdyn_customerinvoices)" wird gestartet
    Und "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und die nicht fakturierten Umsätze sind über das Project Operations-Integrationsjournal gebucht
    Und der Projektmanager erstellt eine Proforma-Rechnung für den Vertrag und bestätigt sie
    Und der periodische Prozess "Aus Stagingtabelle importieren" wird ausgeführt
    Wenn der Projektbuchhalter den Projektrechnungsvorschlag bucht
    Dann zeigt die Proforma-Rechnung eine Gesamtsteuer von 228,00
