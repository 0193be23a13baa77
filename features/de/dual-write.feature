# language: de
Funktionalität: Dual-Write-Tabellenzuordnungen in der Rechnungsintegration
  Die Live-Synchronisierung gehört zur selben Transaktion: Eine Änderung wird in einer App nur
  gespeichert, wenn die andere App sie annimmt; andernfalls wird sie in beiden zurückgesetzt. Eine
  pausierte Tabellenzuordnung hält ihre Änderungen als Datensätze in der Warteschlange fest. Wird sie
  fortgesetzt, holt sie diese auf; Datensätze, die dabei fehlschlagen, werden zu Aufholfehlern, die
  erneut versucht werden können. Eine beendete Tabellenzuordnung synchronisiert nichts; die
  Bestätigung einer Rechnung hat dann keine finanziellen Auswirkungen in Finanz- und Betriebs-Apps.
  Die Echtzeitsynchronisierung übernimmt höchstens 1.000 Zeilen je Rechnung.

  Grundlage:
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 10 % Umsatzsteuer
    Und der Projektvertrag "ERP-Einführung" für den Debitor "Contoso Ltd."
    Und der Vertrag rechnet Zeit und Material mit 200,00 pro Stunde ab, bei Kosten von 100,00 pro Stunde

  @id:map-paused-resumed @doc:rule.map-paused-queue @doc:seed.actuals-map
  Szenario: Eine pausierte Tabellenzuordnung stellt die Istwerte in die Warteschlange und holt sie beim Fortsetzen auf
    Angenommen die Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" ist pausiert
    Und "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt
    Dann hat die Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" 2 Datensätze in der Warteschlange
    Und die Tabelle Istwerte-Staging enthält 0 Datensätze
    Wenn die Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" fortgesetzt wird und die Datensätze in der Warteschlange aufholt
    Dann hat die Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" den Status "Wird ausgeführt"
    Und die Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" hat 0 Datensätze in der Warteschlange
    Und die Tabelle Istwerte-Staging enthält 2 Datensätze

  @id:catch-up-error-retry @doc:rule.catchup-errors-retry @doc:rule.line-property-required
  Szenario: Ein Datensatz, der beim Aufholen fehlschlägt, bleibt als Aufholfehler erhalten und wird erneut versucht
    Angenommen die Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" ist pausiert
    Und die juristische Person hat keine Zeileneigenschaft "Fakturierbar"
    Und "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt
    Wenn die Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" fortgesetzt wird und die Datensätze in der Warteschlange aufholt
    Dann hat die Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" 1 Aufholfehler
    Und die Tabelle Istwerte-Staging enthält 1 Datensatz
    Wenn die Zeileneigenschaft "Fakturierbar" in der juristischen Person wieder eingerichtet wird
    Und die Aufholfehler der Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" erneut versucht werden
    Dann hat die Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" 0 Aufholfehler
    Und die Tabelle Istwerte-Staging enthält 2 Datensätze

  @id:map-stopped @doc:rule.map-stopped
  Szenario: Bei beendeten Tabellenzuordnungen hat die Bestätigung keine Auswirkungen in Finanz- und Betriebs-Apps
    Angenommen "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und die Tabellenzuordnung "Projektrechnungsvorschlag V2 (Rechnungen)" ist beendet
    Und die Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" ist beendet
    Wenn der Projektmanager eine Proforma-Rechnung für den Vertrag erstellt und bestätigt
    Dann hat die Proforma-Rechnung den Projektrechnungsstatus "Bestätigt"
    Und die Tabelle Istwerte enthält 4 Datensätze
    Und die Tabelle Istwerte-Staging enthält 2 Datensätze
    Und in Finanz- und Betriebs-Apps gibt es keinen Projektrechnungsvorschlag zur Proforma-Rechnung

  @id:live-sync-rollback @doc:rule.live-sync-rollback @doc:rule.line-property-required
  Szenario: Lehnt Finanz- und Betriebs-Apps einen Istwert ab, wird die Bestätigung in beiden Apps zurückgesetzt
    Angenommen "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und die juristische Person hat keine Zeileneigenschaft "Nicht verfügbar"
    Und der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt
    Und der Projektmanager hat den Fakturierungstyp des Rechnungszeilendetails auf "Nicht verfügbar" gesetzt
    Wenn der Projektmanager versucht, die Proforma-Rechnung zu bestätigen
    Dann wird der Vorgang abgelehnt
    Und die Proforma-Rechnung hat den Projektrechnungsstatus "Entwurf"
    Und keine Istwerte wurden erstellt
    Und in Finanz- und Betriebs-Apps gibt es keinen Projektrechnungsvorschlag zur Proforma-Rechnung
    Und die Tabelle Istwerte-Staging enthält 2 Datensätze

  @id:line-limit @doc:rule.line-limit
  Szenariogrundriss: Dual-Write in Echtzeit übernimmt höchstens 1.000 Zeilen je Rechnung
    Angenommen <Einträge> Zeiteinträge zu je einer Stunde sind genehmigt und bereit für die Rechnungsstellung
    Und der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt
    Wenn der Projektmanager versucht, die Proforma-Rechnung zu bestätigen
    Dann hat die Proforma-Rechnung den Projektrechnungsstatus "<Status>"

    Beispiele:
      | Einträge | Status    |
      | 1.000    | Bestätigt |
      | 1.001    | Entwurf   |

  @id:map-run-initial-sync @doc:rule.map-run-initial-sync
  Szenario: Eine beendete Tabellenzuordnung kopiert beim Starten die vorhandenen Datensätze und wird dann ausgeführt
    Angenommen die Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" ist beendet
    Und "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt
    Und die Tabelle Istwerte-Staging enthält 0 Datensätze
    Wenn die Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" gestartet wird
    Dann hat die Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" den Status "Wird ausgeführt"
    Und die Tabelle Istwerte-Staging enthält 2 Datensätze

  @id:initial-sync-error-rerun @doc:rule.initial-sync-errors
  Szenario: Ein Datensatz, der bei der Erstsynchronisation fehlschlägt, hält die Tabellenzuordnung in der Initialisierung, bis die Erstsynchronisation erneut ausgeführt wird
    Angenommen die Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" ist beendet
    Und die juristische Person hat keine Zeileneigenschaft "Fakturierbar"
    Und "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt
    Wenn die Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" gestartet wird
    Dann hat die Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" den Status "Wird initialisiert"
    Und die Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" hat 1 Fehler bei der Erstsynchronisation
    Und die Tabelle Istwerte-Staging enthält 1 Datensatz
    Wenn die Zeileneigenschaft "Fakturierbar" in der juristischen Person wieder eingerichtet wird
    Und die Erstsynchronisation der Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" erneut ausgeführt wird
    Dann hat die Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" den Status "Wird ausgeführt"
    Und die Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" hat 0 Fehler bei der Erstsynchronisation
    Und die Tabelle Istwerte-Staging enthält 2 Datensätze

  @id:catch-up-errors-purged @doc:rule.catchup-errors-purged
  Szenario: Aufholfehler bleiben einen Tag erhalten und werden dann gelöscht
    Angenommen die Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" ist pausiert
    Und die juristische Person hat keine Zeileneigenschaft "Fakturierbar"
    Und "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt
    Und die Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" wird fortgesetzt und holt die Datensätze in der Warteschlange auf
    Wenn die Uhr des Simulators um 23 Stunden vorrückt
    Dann hat die Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" 1 Aufholfehler
    Wenn die Uhr des Simulators um 1 Stunde vorrückt
    Dann hat die Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" 0 Aufholfehler

  @id:map-pause-limit @doc:rule.map-pause-limits
  Szenario: Eine seit 7 Tagen pausierte Tabellenzuordnung blockiert weitere Datensätze, bis sie fortgesetzt wird
    Angenommen die Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" ist pausiert
    Und "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt
    Und die Uhr des Simulators rückt um 7 Tage vor
    Wenn der Projektmanager versucht, 2 Stunden von "Alice" zu genehmigen
    Dann wird der Vorgang abgelehnt
    Und die Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" hat 2 Datensätze in der Warteschlange
    Wenn die Tabellenzuordnung "Ist-Werte für die Project Operations-Integration (msdyn_actuals)" fortgesetzt wird und die Datensätze in der Warteschlange aufholt
    Und "Alice" 2 Stunden gearbeitet hat und die Zeit genehmigt ist
    Dann enthält die Tabelle Istwerte-Staging 4 Datensätze

  @id:milestone-map @doc:rule.milestone-map
  Szenario: Die Tabellenzuordnung der Meilensteine überträgt Vertragszeilenmeilensteine in die Finanz- und Betriebs-Apps
    Angenommen der Vertrag hat den Festpreismeilenstein "Go-live" über 5.000,00, bereit für die Rechnungsstellung
    Und die Tabellenzuordnung "Vertragszeilenmeilensteine für die Integration von Project Operations (msdyn_contractlinescheduleofvalues)" ist beendet
    Und der Vertrag hat den Festpreismeilenstein "Abnahme" über 1.000,00, bereit für die Rechnungsstellung
    Dann enthält die Tabelle Vertragszeilenmeilenstein-Staging 1 Datensatz
    Wenn die Tabellenzuordnung "Vertragszeilenmeilensteine für die Integration von Project Operations (msdyn_contractlinescheduleofvalues)" gestartet wird
    Dann enthält die Tabelle Vertragszeilenmeilenstein-Staging 2 Datensätze
