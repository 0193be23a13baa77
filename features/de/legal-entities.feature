# language: de
Funktionalität: Juristische Personen bleiben getrennt
  Jede juristische Person ist eine eigene Grenze. Projektverträge, Rechnungen und Istwerte in
  Dataverse gehören zu einer juristischen Person, und Dual-Write schreibt sie in diese juristische Person in
  Finanz- und Betriebs-Apps: Jede juristische Person sieht nur ihre eigenen
  Projektrechnungsvorschläge und Istwerte.

  Grundlage:
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 10 % Umsatzsteuer
    Und der Projektvertrag "ERP-Einführung" für den Debitor "Contoso Ltd."
    Und der Vertrag rechnet Zeit und Material mit 200,00 pro Stunde ab, bei Kosten von 100,00 pro Stunde

  @id:two-legal-entities @doc:rule.legal-entity-boundary
  Szenario: Jeder Projektrechnungsvorschlag landet in der juristischen Person seines Vertrags
    Angenommen "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und der Projektmanager hat die Proforma-Rechnung "US" für den Vertrag erstellt
    Und die juristische Person "GBSI" mit der Buchhaltungswährung "GBP" und 20 % Umsatzsteuer
    Und der Projektvertrag "Datenmigration" für den Debitor "Fabrikam Ltd."
    Und der Vertrag rechnet Zeit und Material mit 150,00 pro Stunde ab, bei Kosten von 80,00 pro Stunde
    Und "Alice" hat 4 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und der Projektmanager hat die Proforma-Rechnung "GB" für den Vertrag erstellt
    Wenn der Projektmanager die Proforma-Rechnung "US" bestätigt
    Und der Projektmanager die Proforma-Rechnung "GB" bestätigt
    Dann gehört der Projektrechnungsvorschlag zu "US" zur juristischen Person "USPM"
    Und der Projektrechnungsvorschlag zu "GB" gehört zur juristischen Person "GBSI"
    Und die Tabelle Projektrechnungsvorschläge der juristischen Person "USPM" enthält 1 Datensatz
    Und die Tabelle Projektrechnungsvorschläge der juristischen Person "GBSI" enthält 1 Datensatz
    Und die Tabelle Istwerte-Staging der juristischen Person "GBSI" enthält 3 Datensätze

  @id:company-read-only @doc:rule.company-read-only
  Szenario: Das Unternehmen eines gespeicherten Projektvertrags lässt sich nicht ändern
    Angenommen die juristische Person "GBSI" mit der Buchhaltungswährung "GBP" und 20 % Umsatzsteuer
    Wenn der Projektmanager versucht, das Unternehmen des Projektvertrags in "GBSI" zu ändern
    Dann wird der Vorgang abgelehnt
    Und der Projektvertrag gehört zum Unternehmen "USPM"
