# language: de
Funktionalität: Projektrechnungsvorschlagszeilen
  Der periodische Prozess „Aus Stagingtabelle importieren“ fügt einem Projektrechnungsvorschlag seine
  Zeilen hinzu; er liest dazu die fakturierten Umsätze aus der Tabelle „Istwerte-Staging“ (Quelle:
  Microsoft Learn, Seiten „Projektrechnungsintegration“ und „Projektrechnungsvorschläge verwalten“). Ein Vorschlag erhält seine Zeilen erst, wenn alle importiert werden können:
  Die nicht fakturierten Umsätze, die er abrechnet, müssen zuvor über das Project
  Operations-Integrationsjournal gebucht worden sein.

  Der Projektrechnungsvorschlag erhält die Rechnungs-ID der Proforma-Rechnung als Nummer. Da
  Rechnungen nicht immer in der Reihenfolge bestätigt werden, in der sie erstellt wurden, muss der
  Nummernkreis für Rechnungsvorschläge Benutzeränderungen auf eine niedrigere und eine höhere Zahl
  zulassen.

  Grundlage:
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 10 % Umsatzsteuer
    Und der Projektvertrag "ERP-Einführung" für den Debitor "Contoso Ltd."
    Und der Vertrag rechnet Zeit und Material mit 200,00 pro Stunde ab, bei Kosten von 100,00 pro Stunde

  @id:lines-from-staging @doc:seed.import-creates-lines @doc:seed.import-billed-sales
  Szenario: Der Import aus der Staging-Tabelle übernimmt die fakturierten Umsätze als Vorschlagszeilen
    Angenommen "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und "Alice" hat 4 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und die nicht fakturierten Umsätze sind über das Project Operations-Integrationsjournal gebucht
    Und der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt und bestätigt
    Wenn der periodische Prozess "Aus Stagingtabelle importieren" ausgeführt wird
    Dann hat der Projektrechnungsvorschlag 2 Zeilen
    Und der Betrag des Projektrechnungsvorschlags beträgt 2.400,00

  @id:confirm-before-posting @doc:rule.lines-need-posted-unbilled @doc:seed.import-creates-lines
  Szenario: Vor dem Buchen der nicht fakturierten Umsätze bestätigt, erhält der Vorschlag seine Zeilen bei einem späteren Import
    Angenommen "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt und bestätigt
    Wenn der periodische Prozess "Aus Stagingtabelle importieren" ausgeführt wird
    Dann hat der Projektrechnungsvorschlag noch keine Zeilen
    Und der Betrag des Projektrechnungsvorschlags beträgt 0,00
    Wenn der Projektbuchhalter das Project Operations-Integrationsjournal bucht
    Und der periodische Prozess "Aus Stagingtabelle importieren" erneut ausgeführt wird
    Dann hat der Projektrechnungsvorschlag 1 Zeile
    Und der Betrag des Projektrechnungsvorschlags beträgt 1.600,00

  @id:import-mismatch-held-back @doc:rule.import-mismatch-held-back
  Szenario: Ein fakturierter Umsatz, der nicht angekommen ist, hält den Projektrechnungsvorschlag zurück
    Angenommen "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und die nicht fakturierten Umsätze sind über das Project Operations-Integrationsjournal gebucht
    Und die Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" ist pausiert
    Und die juristische Person hat keine Zeileneigenschaft "Fakturierbar"
    Und der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt und bestätigt
    Wenn die Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" fortgesetzt wird und die Datensätze in der Warteschlange aufholt
    Und der periodische Prozess "Aus Stagingtabelle importieren" ausgeführt wird
    Dann hat der Projektrechnungsvorschlag noch keine Zeilen
    Und „Aus Stagingtabelle importieren“ meldet für den Projektrechnungsvorschlag fakturierte Umsätze, die nicht mit Dataverse übereinstimmen
    Wenn der Projektbuchhalter versucht, den Projektrechnungsvorschlag zu buchen
    Dann wird der Vorgang abgelehnt
    Wenn die Zeileneigenschaft "Fakturierbar" in der juristischen Person wieder eingerichtet wird
    Und die Aufholfehler der Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" erneut versucht werden
    Und der periodische Prozess "Aus Stagingtabelle importieren" erneut ausgeführt wird
    Dann hat der Projektrechnungsvorschlag 1 Zeile
    Und der Betrag des Projektrechnungsvorschlags beträgt 1.600,00

  @id:out-of-order-confirmation @doc:rule.number-sequence
  Szenariogrundriss: Werden Rechnungen in anderer Reihenfolge bestätigt, muss der Nummernkreis niedrigere Nummern zulassen
    Angenommen die Einstellung "Benutzeränderungen zulassen: Auf eine niedrigere Zahl" des Nummernkreises für Rechnungsvorschläge ist "<niedriger>"
    Und "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und der Projektmanager hat die Proforma-Rechnung "April" für den Vertrag erstellt
    Und "Alice" hat 4 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und der Projektmanager hat die Proforma-Rechnung "Mai" für den Vertrag erstellt
    Und der Projektmanager hat die Proforma-Rechnung "Mai" bestätigt
    Wenn der Projektmanager versucht, die Proforma-Rechnung "April" zu bestätigen
    Dann hat die Proforma-Rechnung "April" den Projektrechnungsstatus "<Status>"
    Und die Tabelle Projektrechnungsvorschläge enthält <Vorschläge>
    Und in Finanz- und Betriebs-Apps gibt es einen Projektrechnungsvorschlag mit der Rechnungs-ID von "Mai" als Nummer

    Beispiele:
      | niedriger | Status    | Vorschläge   |
      | Ja        | Bestätigt | 2 Datensätze |
      | Nein      | Entwurf   | 1 Datensatz  |
