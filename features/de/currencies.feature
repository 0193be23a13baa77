# language: de
Funktionalität: Verträge in einer anderen Währung
  Ein Projektvertrag kann auf eine andere Währung lauten als die Buchhaltungswährung seiner
  juristischen Person. Dataverse führt die Umsätze in der Währung des Vertrags; Finanz- und
  Betriebs-Apps übernehmen sie als Transaktionswährung und rechnen die Beträge mit den in Finance
  festgelegten, am Buchungsdatum gültigen Wechselkursen in die Buchhaltungswährung um.
  Buchhaltungswährungsbetrag und Wechselkurs gelangen zurück zu den Istwerten in Dataverse.

  Grundlage:
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 10 % Umsatzsteuer
    Und der Projektvertrag "Roboterlinie Europa" für den Debitor "Litware Europe" in der Währung "EUR"
    Und der Vertrag rechnet Zeit und Material mit 133,33 pro Stunde ab, bei Kosten von 90,00 pro Stunde

  @id:currency-whole-flow @doc:rule.transaction-currency @doc:rule.rate-at-accounting-date @doc:rule.cost-in-accounting-currency @doc:rule.writeback-fields
  Szenario: In Euro fakturiert, in US-Dollar gebucht
    Angenommen der Wechselkurs von "EUR" in "USD" beträgt 1,085
    Und "Bob" hat 7,5 Stunden gearbeitet und die Zeit ist genehmigt
    Dann lautet der Istwert für Kosten auf die Währung "USD"
    Und der Istwert für nicht fakturierte Umsätze lautet auf die Währung "EUR"
    Wenn die nicht fakturierten Umsätze über das Project Operations-Integrationsjournal gebucht sind
    Dann zeigt der Istwert für nicht fakturierte Umsätze die Buchhaltungsdetails:
      | Buchhaltungswährungsbetrag | 1.084,98 |
      | Wechselkurs                | 1,085    |
    Wenn der Projektmanager den Abrechnungsstau des Vertrags als bereit für die Rechnungsstellung markiert
    Und der Projektmanager eine Proforma-Rechnung für den Vertrag erstellt
    Dann lautet die Proforma-Rechnung auf die Währung "EUR"
    Und der Gesamtbetrag der Proforma-Rechnung beträgt 999,98
    Wenn der Projektmanager die Proforma-Rechnung bestätigt
    Dann lautet der Projektrechnungsvorschlag auf die Währung "EUR"
    Und der Istwert für fakturierte Umsätze lautet auf die Währung "EUR"
    Und der Istwert für fakturierte Umsätze hat noch keinen Wert im Feld "Belegnummer"
    Wenn der periodische Prozess "Aus Stagingtabelle importieren" ausgeführt wird
    Und der Projektbuchhalter den Projektrechnungsvorschlag bucht
    Dann lautet die Kundenrechnung auf die Währung "EUR"
    Und der Betrag des Projektrechnungsvorschlags beträgt 999,98
    Und der Istwert für fakturierte Umsätze zeigt die Buchhaltungsdetails:
      | Buchhaltungswährungsbetrag | 1.084,98 |
      | Wechselkurs                | 1,085    |
      | Umsatzsteuerbetrag         | 100,00   |
    Und die Belegnummer ist der Beleg der gebuchten Kundenrechnung

  @id:currency-missing-rate @doc:rule.import-needs-rate
  Szenario: Ohne Wechselkurs bleiben die nicht fakturierten Umsätze außerhalb des Journals, bis der Kurs vorhanden ist
    Angenommen "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt
    Wenn der periodische Prozess "Aus Stagingtabelle importieren" ausgeführt wird
    Dann meldet das Auftragsprotokoll, dass kein Wechselkurs von "EUR" in "USD" gefunden wurde
    Und die Tabelle Integrationsjournalzeilen der juristischen Person "USPM" enthält 1 Datensatz
    Und der Istwert für nicht fakturierte Umsätze hat noch keinen Wert im Feld "Wechselkurs"
    Und der Istwert für nicht fakturierte Umsätze hat noch keinen Wert im Feld "Belegnummer"
    Wenn der Wechselkurs von "EUR" in "USD" 1,085 beträgt
    Und der periodische Prozess "Aus Stagingtabelle importieren" erneut ausgeführt wird
    Dann enthält die Tabelle Integrationsjournalzeilen der juristischen Person "USPM" 2 Datensätze
