# language: de
Funktionalität: Projektrechnungsintegration
  Der Projektmanager bearbeitet in Microsoft Dataverse den Abrechnungsstau und legt dort die
  Proforma-Rechnung für den Debitor an. Daraus erzeugt der Debitorenbuchhalter oder der Projektbuchhalter
  in Finanz- und Betriebs-Apps die kundenorientierte Rechnung; die Details der Proforma-Rechnung kommen
  per Dual-Write dorthin. Ist diese Rechnung gebucht, erhalten die Istwerte des Projekts in Dataverse ihre
  Buchhaltungsdetails.

  Mit der Bestätigung der Proforma-Rechnung in Dataverse geht ihr Kopf über die Dual-Write-Tabellenzuordnung
  „Projektrechnungsvorschlag V2 (Rechnungen)“ hinüber. Aus Finanz- und Betriebs-Apps fließt nichts zurück.

  Quelle: Microsoft Learn, Seite „Projektrechnungsintegration“.

  Grundlage:
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 10 % Umsatzsteuer
    Und der Projektvertrag "ERP-Einführung" für den Debitor "Contoso Ltd."
    Und der Vertrag rechnet Zeit und Material mit 200,00 pro Stunde ab, bei Kosten von 100,00 pro Stunde

  @id:happy-path @doc:seed.pm-backlog-proforma @doc:seed.customer-facing-invoice @doc:seed.details-synchronized @doc:seed.accounting-written-back @doc:rule.actuals-on-approval @doc:rule.writeback-fields
  Szenario: Von der genehmigten Zeit bis zu den Buchhaltungsdetails in Dataverse
    Angenommen "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt
    Und die nicht fakturierten Umsätze sind über das Project Operations-Integrationsjournal gebucht
    Wenn der Projektmanager den Abrechnungsstau des Vertrags als bereit für die Rechnungsstellung markiert
    Und der Projektmanager eine Proforma-Rechnung für den Vertrag erstellt
    Und der Projektmanager die Proforma-Rechnung bestätigt
    Und der periodische Prozess "Aus Stagingtabelle importieren" ausgeführt wird
    Und der Projektbuchhalter den Projektrechnungsvorschlag bucht
    Dann hat der Projektrechnungsvorschlag 1 Zeile
    Und der Betrag des Projektrechnungsvorschlags beträgt 1.600,00
    Und der Istwert für fakturierte Umsätze zeigt die Buchhaltungsdetails:
      | Buchhaltungswährungsbetrag | 1.600,00 |
      | Wechselkurs                | 1,00     |
      | Umsatzsteuerbetrag         | 160,00   |
    Und die Belegnummer ist der Beleg der gebuchten Kundenrechnung

  @id:header-on-confirm @doc:seed.header-on-confirm @doc:seed.one-way
  Szenario: Die bestätigte Proforma-Rechnung wird zum Projektrechnungsvorschlag
    Angenommen "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Wenn der Projektmanager eine Proforma-Rechnung für den Vertrag erstellt
    Dann gibt es in Finanz- und Betriebs-Apps keinen Projektrechnungsvorschlag zur Proforma-Rechnung
    Wenn der Projektmanager die Proforma-Rechnung bestätigt
    Dann hat die Proforma-Rechnung den Projektrechnungsstatus "Bestätigt"
    Und in Finanz- und Betriebs-Apps gibt es einen Projektrechnungsvorschlag mit der Rechnungs-ID als Nummer
    Und der Projektrechnungsvorschlag hat noch keine Zeilen

  @id:one-way-no-write-back @doc:seed.one-way
  Szenario: Änderungen am Projektrechnungsvorschlag fließen nicht nach Dataverse zurück
    Angenommen "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt und bestätigt
    Wenn der Projektbuchhalter die Beschreibung des Projektrechnungsvorschlags in "ERP-Einführung, Phase 1" ändert
    Dann heißt die Proforma-Rechnung in Dataverse weiterhin "ERP-Einführung"
