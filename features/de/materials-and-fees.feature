# language: de
Funktionalität: Material und Gebühren aus Eingangserfassungen durch die Rechnungsintegration
  Neben der Zeit rechnet ein Projekt das Material ab, das sein Team verbraucht, und die mit dem Debitor
  vereinbarten Gebühren. Beides wird in Dataverse in Eingangserfassungen erfasst: Mit der Bestätigung der
  Erfassung wird jede Erfassungsposition zu einem Istwert ihres Transaktionstyps und ihrer Transaktionsklasse.
  Die nicht fakturierten Umsätze gehen dann denselben Weg wie die Zeit: Abrechnungsstau, Proforma-Rechnung,
  Dual-Write nach Finanz- und Betriebs-Apps, Import aus der Stagingtabelle, Buchung und die Buchhaltungsdetails
  zurück an die Istwerte für fakturierte Umsätze.

  Eine Gebühr hat keine Kosten: Auf einer Vertragszeile mit Zeit und Material wird sie nur als Umsatz erfasst.
  Die Preise trägt der Projektmanager in den Erfassungspositionen ein; der Simulator hat keine Preislisten,
  aus denen Standardpreise kämen.

  Quelle: Microsoft Learn, Seite „Eingangserfassungen erstellen und bestätigen“, und die nur englische Seite über
  die verbesserten Erfassungspositionen (Abschnitt zur Prüfung der Geschäftsregeln).

  Grundlage:
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 10 % Umsatzsteuer
    Und der Projektvertrag "ERP-Einführung" für den Debitor "Contoso Ltd."
    Und der Vertrag rechnet Zeit und Material mit 200,00 pro Stunde ab, bei Kosten von 100,00 pro Stunde

  @id:material-actuals @doc:rule.journal-line-actuals @doc:rule.journal-line-by-class
  Szenario: Die Bestätigung einer Eingangserfassung bucht einen Istwert je Erfassungsposition
    Angenommen die Eingangserfassung "Baustellenmaterial" erfasst den Verbrauch von 3 "Kabel" zu Einheitskosten von 10,00 und einem Einheitspreis von 15,50
    Wenn der Projektmanager die Eingangserfassung "Baustellenmaterial" bestätigt
    Dann wurden diese Istwerte erstellt:
      | Transaktionstyp           | Transaktionsklasse | Menge | Betrag |
      | Kosten                    | Material           | 3     | 30,00  |
      | Nicht fakturierte Umsätze | Material           | 3     | 46,50  |
    Und die Tabelle Transaktionsverbindungen enthält 0 Datensätze

  @id:material-flow @doc:rule.journal-line-actuals @doc:rule.journal-line-by-class
  Szenario: Material von der Eingangserfassung bis zu den Buchhaltungsdetails in Dataverse
    Angenommen die Eingangserfassung "Baustellenmaterial" erfasst den Verbrauch von 3 "Kabel" zu Einheitskosten von 10,00 und einem Einheitspreis von 15,50
    Und der Projektmanager hat die Eingangserfassung "Baustellenmaterial" bestätigt
    Und die nicht fakturierten Umsätze sind über das Project Operations-Integrationsjournal gebucht
    Wenn der Projektmanager den Abrechnungsstau des Vertrags als bereit für die Rechnungsstellung markiert
    Und der Projektmanager eine Proforma-Rechnung für den Vertrag erstellt
    Und der Projektmanager die Proforma-Rechnung bestätigt
    Und der periodische Prozess "Aus Stagingtabelle importieren" ausgeführt wird
    Und der Projektbuchhalter den Projektrechnungsvorschlag bucht
    Dann hat der Projektrechnungsvorschlag diese Zeilen:
      | Transaktionsklasse | Menge | Betrag |
      | Material           | 3     | 46,50  |
    Und der Istwert für fakturierte Umsätze zeigt die Buchhaltungsdetails:
      | Buchhaltungswährungsbetrag | 46,50 |
      | Wechselkurs                | 1,00  |
      | Umsatzsteuerbetrag         | 4,65  |
    Und die Belegnummer ist der Beleg der gebuchten Kundenrechnung

  @id:fee-flow @doc:rule.journal-line-actuals @doc:rule.journal-line-by-class
  Szenario: Eine Gebühr über den Abrechnungsstau bis zur gebuchten Kundenrechnung
    Angenommen die Eingangserfassung "Gebühren" erfasst die Gebühr "Einrichtungsgebühr" über 500,00
    Und der Projektmanager hat die Eingangserfassung "Gebühren" bestätigt
    Und die nicht fakturierten Umsätze sind über das Project Operations-Integrationsjournal gebucht
    Wenn der Projektmanager den Abrechnungsstau des Vertrags als bereit für die Rechnungsstellung markiert
    Und der Projektmanager eine Proforma-Rechnung für den Vertrag erstellt
    Und der Projektmanager die Proforma-Rechnung bestätigt
    Und der periodische Prozess "Aus Stagingtabelle importieren" ausgeführt wird
    Und der Projektbuchhalter den Projektrechnungsvorschlag bucht
    Dann hat der Projektrechnungsvorschlag diese Zeilen:
      | Transaktionsklasse | Menge | Betrag |
      | Gebühr             | 1     | 500,00 |
    Und der Istwert für fakturierte Umsätze zeigt die Buchhaltungsdetails:
      | Buchhaltungswährungsbetrag | 500,00 |
      | Wechselkurs                | 1,00   |
      | Umsatzsteuerbetrag         | 50,00  |
    Und die Belegnummer ist der Beleg der gebuchten Kundenrechnung

  @id:time-material-fee-invoice @doc:rule.journal-line-actuals
  Szenario: Zeit, Material und eine Gebühr auf einer Proforma-Rechnung und einer Kundenrechnung
    Angenommen "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt
    Und die Eingangserfassung "Material und Gebühren" erfasst den Verbrauch von 3 "Kabel" zu Einheitskosten von 10,00 und einem Einheitspreis von 15,50
    Und die Eingangserfassung "Material und Gebühren" erfasst die Gebühr "Einrichtungsgebühr" über 500,00
    Und der Projektmanager hat die Eingangserfassung "Material und Gebühren" bestätigt
    Und die nicht fakturierten Umsätze sind über das Project Operations-Integrationsjournal gebucht
    Wenn der Projektmanager den Abrechnungsstau des Vertrags als bereit für die Rechnungsstellung markiert
    Und der Projektmanager eine Proforma-Rechnung für den Vertrag erstellt
    Dann beträgt der Gesamtbetrag der Proforma-Rechnung 2.146,50
    Wenn der Projektmanager die Proforma-Rechnung bestätigt
    Und der periodische Prozess "Aus Stagingtabelle importieren" ausgeführt wird
    Und der Projektbuchhalter den Projektrechnungsvorschlag bucht
    Dann hat der Projektrechnungsvorschlag diese Zeilen:
      | Transaktionsklasse | Menge | Betrag   |
      | Zeit               | 8     | 1.600,00 |
      | Material           | 3     | 46,50    |
      | Gebühr             | 1     | 500,00   |
    Und der Betrag des Projektrechnungsvorschlags beträgt 2.146,50
    Und alle Istwerte für fakturierte Umsätze tragen den Beleg der gebuchten Kundenrechnung

  @id:fee-not-cost @doc:rule.journal-fee-sales-only
  Szenario: Eine Gebühr lässt sich nicht als Kosten erfassen
    Angenommen die Eingangserfassung "Gebühren" erfasst eine Kostenposition für die Gebühr "Einrichtungsgebühr" über 500,00
    Wenn der Projektmanager versucht, die Eingangserfassung "Gebühren" zu bestätigen
    Dann wird der Vorgang abgelehnt
    Und keine Istwerte wurden erstellt

  @id:fee-not-included @doc:rule.journal-line-by-class
  Szenario: Eine Gebühr auf einem Projekt, dessen Vertragszeile keine Gebühren einschließt, wird nie fakturiert
    Angenommen die Vertragszeile für Zeit und Material schließt keine Gebühren ein
    Und die Eingangserfassung "Gebühren" erfasst die Gebühr "Einrichtungsgebühr" über 500,00
    Wenn der Projektmanager die Eingangserfassung "Gebühren" bestätigt
    Dann hat der Istwert für nicht fakturierte Umsätze "Einrichtungsgebühr" keinen Vertragszeilenkunden und bleibt außerhalb des Abrechnungsstaus

  @id:journal-read-only @doc:rule.journal-confirmed-read-only
  Szenario: Eine bestätigte Eingangserfassung lässt sich weder ändern noch erneut bestätigen
    Angenommen die Eingangserfassung "Baustellenmaterial" erfasst den Verbrauch von 3 "Kabel" zu Einheitskosten von 10,00 und einem Einheitspreis von 15,50
    Und der Projektmanager hat die Eingangserfassung "Baustellenmaterial" bestätigt
    Wenn der Projektmanager versucht, die Menge einer Position der Eingangserfassung "Baustellenmaterial" auf 4 zu ändern
    Dann wird der Vorgang abgelehnt
    Wenn der Projektmanager versucht, die Eingangserfassung "Baustellenmaterial" erneut zu bestätigen
    Dann wird der Vorgang abgelehnt
    Und keine Istwerte wurden erstellt
