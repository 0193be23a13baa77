# language: de
Funktionalität: Status der Proforma-Rechnung
  Der Projektmanager kann eine Proforma-Rechnung zwischen Entwurf und In Überprüfung wechseln lassen;
  in beiden Status bleibt sie bearbeitbar. Erst nach dem Bestätigen kann die Rechnung den Status
  Bezahlt erhalten (`proforma-invoicing/manage-proforma-invoice.md`, „Invoice header“). Läuft die
  Exportzuordnung der erweiterten Proforma-Rechnung, wird die Proforma-Rechnung beim Buchen des
  Projektrechnungsvorschlags in Finanz- und Betriebs-Apps auf Gebucht gesetzt und zeigt Nummer und
  Datum der Kundenrechnung (`invoicing/format-update-project-invoice-proposals.md`). Konventionen: Der
  Status Bezahlt setzt auch den Projektrechnungsstatus Rechnung bezahlt, und der Wert von Gebucht
  stammt von uns (keine Quelle nennt ihn).

  Grundlage:
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 10 % Umsatzsteuer
    Und der Projektvertrag "ERP-Einführung" für den Debitor "Contoso Ltd."
    Und der Vertrag rechnet Zeit und Material mit 200,00 pro Stunde ab, bei Kosten von 100,00 pro Stunde

  @id:draft-in-review @doc:rule.invoice-in-review
  Szenario: Ein Entwurf geht in Überprüfung und zurück und wird aus In Überprüfung bestätigt
    Angenommen "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt
    Wenn der Projektmanager den Projektrechnungsstatus auf "In Überprüfung" setzt
    Dann hat die Proforma-Rechnung den Projektrechnungsstatus "In Überprüfung"
    Wenn der Projektmanager den Projektrechnungsstatus auf "Entwurf" setzt
    Dann hat die Proforma-Rechnung den Projektrechnungsstatus "Entwurf"
    Wenn der Projektmanager den Projektrechnungsstatus auf "In Überprüfung" setzt
    Und der Projektmanager die Proforma-Rechnung bestätigt
    Dann hat die Proforma-Rechnung den Projektrechnungsstatus "Bestätigt"
    Wenn der Projektmanager versucht, den Projektrechnungsstatus auf "In Überprüfung" zu setzen
    Dann wird der Vorgang abgelehnt

  @id:paid-after-confirmation @doc:rule.paid-after-confirmation @doc:rule.paid-sets-invoice-paid @convention
  Szenario: Nur eine bestätigte Proforma-Rechnung kann auf Bezahlt gesetzt werden (und erhält nach unserer Konvention „Rechnung bezahlt“)
    Angenommen "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt
    Wenn der Projektmanager versucht, den Status der Proforma-Rechnung auf Bezahlt zu setzen
    Dann wird der Vorgang abgelehnt
    Wenn der Projektmanager die Proforma-Rechnung bestätigt
    Und der Projektmanager den Status der Proforma-Rechnung auf Bezahlt setzt
    Dann hat die Proforma-Rechnung den Projektrechnungsstatus "Rechnung bezahlt"

  @id:enhanced-proforma-posted @doc:rule.enhanced-proforma-export @doc:rule.posted-status-value @convention
  Szenario: Das Buchen bringt die Kundenrechnung und den Status Gebucht in die Proforma-Rechnung zurück (der Wert von Gebucht ist unsere Konvention)
    Angenommen die Tabellenzuordnung "Project Operations integration invoice proposal export entity (msdyn_customerinvoices)" wird gestartet
    Und "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und die nicht fakturierten Umsätze sind über das Project Operations-Integrationsjournal gebucht
    Und der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt und bestätigt
    Wenn der periodische Prozess "Aus Stagingtabelle importieren" ausgeführt wird
    Dann hat die Proforma-Rechnung den Projektrechnungsstatus "Bestätigt"
    Wenn der Projektbuchhalter den Projektrechnungsvorschlag bucht
    Dann hat die Proforma-Rechnung den Projektrechnungsstatus "Gebucht"
    Und die Proforma-Rechnung zeigt Nummer und Datum der gebuchten Kundenrechnung

  @id:closed-canceled-unsupported @doc:rule.invoice-state-unsupported
  Szenario: Eine Proforma-Rechnung kann weder geschlossen noch storniert werden
    Angenommen "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt und bestätigt
    Wenn der Projektmanager versucht, den Status der Proforma-Rechnung auf Geschlossen zu setzen
    Dann wird der Vorgang abgelehnt
    Wenn der Projektmanager versucht, den Status der Proforma-Rechnung auf Storniert zu setzen
    Dann wird der Vorgang abgelehnt
    Und die Proforma-Rechnung hat den Projektrechnungsstatus "Bestätigt"
