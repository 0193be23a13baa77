# language: de
Funktionalität: Abgelehnte Vorgänge
  Projektrechnungsvorschläge entstehen nur aus Dataverse: direkt in Finanz- und Betriebs-Apps lassen
  sie sich weder anlegen noch löschen. Ein Istwert wird nie direkt geschrieben; bearbeiten lassen sich
  nur seine Beschreibung und seine externe Beschreibung. Ist eine Proforma-Rechnung bestätigt, ist sie
  schreibgeschützt und bleibt bestehen (Quelle: Microsoft Learn, Seiten zur Projektrechnungsintegration,
  zu Istwerten und zur Bestätigung). Unsere Konvention, wo die Seiten schweigen: Ein
  Projektrechnungsvorschlag ohne Zeilen kann nicht gebucht werden.

  Grundlage:
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 10 % Umsatzsteuer
    Und der Projektvertrag "ERP-Einführung" für den Debitor "Contoso Ltd."
    Und der Vertrag rechnet Zeit und Material mit 200,00 pro Stunde ab, bei Kosten von 100,00 pro Stunde
    Und "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung

  @id:refuse-create-proposal @doc:seed.no-create-delete @doc:seed.one-way
  Szenario: Ein Projektrechnungsvorschlag kann nicht in Finanz- und Betriebs-Apps erstellt werden
    Wenn der Debitorenbuchhalter versucht, einen Projektrechnungsvorschlag direkt in Finanz- und Betriebs-Apps zu erstellen
    Dann wird der Vorgang abgelehnt
    Und die Tabelle Projektrechnungsvorschläge enthält 0 Datensätze

  @id:refuse-delete-proposal @doc:seed.no-create-delete
  Szenario: Ein Projektrechnungsvorschlag kann nicht in Finanz- und Betriebs-Apps gelöscht werden
    Angenommen der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt und bestätigt
    Wenn der Debitorenbuchhalter versucht, den Projektrechnungsvorschlag direkt in Finanz- und Betriebs-Apps zu löschen
    Dann wird der Vorgang abgelehnt
    Und in Finanz- und Betriebs-Apps gibt es einen Projektrechnungsvorschlag mit der Rechnungs-ID als Nummer

  @id:refuse-create-actual @doc:rule.actuals-read-only
  Szenario: Ein Istwert kann nicht direkt erstellt werden
    Wenn der Projektmanager versucht, direkt einen Istwert zu erstellen
    Dann wird der Vorgang abgelehnt
    Und die Tabelle Istwerte enthält 2 Datensätze

  @id:refuse-delete-actual @doc:rule.actuals-read-only
  Szenario: Ein Istwert kann nicht gelöscht werden
    Wenn der Projektmanager versucht, den Istwert für nicht fakturierte Umsätze zu löschen
    Dann wird der Vorgang abgelehnt
    Und die Tabelle Istwerte enthält 2 Datensätze

  @id:refuse-edit-actual @doc:rule.actuals-read-only
  Szenariogrundriss: Beträge und Abrechnungsangaben eines Istwerts können nicht bearbeitet werden
    Wenn der Projektmanager versucht, "<Feld>" des Istwerts für nicht fakturierte Umsätze in "<Wert>" zu ändern
    Dann wird der Vorgang abgelehnt
    Und der Istwert für nicht fakturierte Umsätze ist unverändert

    Beispiele:
      | Feld             | Wert               |
      | Menge            | 10                 |
      | Betrag           | 2.000,00           |
      | Fakturierungstyp | Nicht fakturierbar |

  @id:edit-actual-description @doc:rule.actuals-description-editable
  Szenariogrundriss: Die Beschreibungsfelder eines Istwerts können bearbeitet werden
    Wenn der Projektmanager "<Feld>" des Istwerts für nicht fakturierte Umsätze in "<Wert>" ändert
    Dann zeigt der Istwert für nicht fakturierte Umsätze "<Wert>" als "<Feld>"

    Beispiele:
      | Feld                 | Wert                                |
      | Beschreibung         | Anforderungsworkshop                |
      | Externe Beschreibung | Workshop mit der Finanzabteilung    |

  @id:refuse-edit-confirmed-invoice @doc:rule.confirmed-read-only
  Szenario: Eine bestätigte Proforma-Rechnung ist schreibgeschützt
    Angenommen der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt und bestätigt
    Wenn der Projektmanager versucht, die Beschreibung der Proforma-Rechnung zu ändern
    Dann wird der Vorgang abgelehnt
    Und die Proforma-Rechnung hat den Projektrechnungsstatus "Bestätigt"

  @id:refuse-delete-confirmed-invoice @doc:rule.confirmed-read-only
  Szenario: Eine bestätigte Proforma-Rechnung kann nicht gelöscht werden
    Angenommen der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt und bestätigt
    Wenn der Projektmanager versucht, die Proforma-Rechnung zu löschen
    Dann wird der Vorgang abgelehnt
    Und die Proforma-Rechnung hat den Projektrechnungsstatus "Bestätigt"

  @id:refuse-post-without-lines @doc:rule.post-needs-lines @convention
  Szenario: Unsere Konvention, da die Seiten schweigen: Ein Projektrechnungsvorschlag ohne Zeilen kann nicht gebucht werden
    Angenommen der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt und bestätigt
    Wenn der Projektbuchhalter versucht, den Projektrechnungsvorschlag zu buchen
    Dann wird der Vorgang abgelehnt
    Und die Tabelle Kundenrechnungen enthält 0 Datensätze

  @id:refuse-ready-adjusted @doc:rule.backlog-adjusted-excluded
  Szenario: Ein regulierter Istwert für nicht fakturierte Umsätze kann nicht als bereit für die Rechnungsstellung markiert werden
    Angenommen der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt
    Und der Projektmanager hat die Menge des Rechnungszeilendetails auf 6 geändert
    Und der Projektmanager hat die Proforma-Rechnung bestätigt
    Wenn der Projektmanager versucht, den ursprünglichen Istwert für nicht fakturierte Umsätze als bereit für die Rechnungsstellung zu markieren
    Dann wird der Vorgang abgelehnt
    Und der ursprüngliche Istwert für nicht fakturierte Umsätze hat den Regulierungsstatus "Reguliert"

  @id:refuse-ready-cost @doc:rule.backlog-unbilled-sales-only
  Szenario: Nur nicht fakturierte Umsätze können als bereit für die Rechnungsstellung markiert werden, kein Istwert für Kosten
    Wenn der Projektmanager versucht, den Istwert für Kosten als bereit für die Rechnungsstellung zu markieren
    Dann wird der Vorgang abgelehnt
    Und die Tabelle Istwerte enthält 2 Datensätze
