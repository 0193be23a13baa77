# language: de
Funktionalität: Istwerte bei der Bestätigung einer Proforma-Rechnung
  Mit der Bestätigung einer Rechnung in Dataverse entstehen auch ihre Abrechnungsdatensätze in der
  Entität „Istwerte“; die Dual-Write-Tabellenzuordnung „Ist-Werte für die Project Operations-Integration
  (msdyn_actuals)“ überträgt sie an Finanz- und Betriebs-Apps (Quelle: Microsoft Learn, Seiten
  „Projektrechnungsintegration“ und zu den Auswirkungen auf Istwerte bei Zeit und Material).

  Bei der Bestätigung werden die nicht fakturierten Umsätze umgekehrt und fakturierte Umsätze
  erstellt. Die Umkehrung wird nicht synchronisiert („Synchronisierung überspringen“): Finanz- und
  Betriebs-Apps kennzeichnen die nicht fakturierten Umsätze stattdessen als vollständig fakturiert.
  Hat der Projektmanager im Entwurf eine Menge oder den Fakturierungstyp geändert, wird der
  ursprüngliche Istwert reguliert und durch neue Istwerte mit der Änderung ersetzt. Nur fakturierbare
  Positionen zählen zum Rechnungsbetrag; nicht fakturierbare und kostenlose werden ohne Berechnung
  fakturiert.

  Grundlage:
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 10 % Umsatzsteuer
    Und der Projektvertrag "ERP-Einführung" für den Debitor "Contoso Ltd."
    Und der Vertrag rechnet Zeit und Material mit 200,00 pro Stunde ab, bei Kosten von 100,00 pro Stunde
    Und "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt

  @id:confirm-unchanged @doc:seed.confirm-creates-actuals @doc:seed.actuals-map @doc:rule.confirm-unchanged @doc:rule.reversal-skip-sync
  Szenario: Bei unveränderter Rechnung werden die nicht fakturierten Umsätze umgekehrt und fakturierte Umsätze erstellt
    Wenn der Projektmanager die Proforma-Rechnung bestätigt
    Dann wurden diese Istwerte erstellt:
      | Transaktionstyp           | Fakturierungstyp | Menge | Betrag    | Synchronisierung überspringen (nur für den internen Gebrauch) |
      | Nicht fakturierte Umsätze | Fakturierbar     | -8    | -1.600,00 | Ja                                                            |
      | Fakturierte Umsätze       | Fakturierbar     | 8     | 1.600,00  | Nein                                                          |
    Und der ursprüngliche Istwert für nicht fakturierte Umsätze hat den Abrechnungsstatus "Kundenrechnung gebucht"
    Und die Tabelle Istwerte-Staging enthält 3 Datensätze

  @id:confirm-quantity-reduced @doc:rule.quantity-reduced
  Szenario: Eine verringerte Menge wird fakturiert, der Rest als nicht fakturierbar
    Angenommen der Projektmanager hat die Menge des Rechnungszeilendetails auf 6 geändert
    Wenn der Projektmanager die Proforma-Rechnung bestätigt
    Dann wurden diese Istwerte erstellt:
      | Transaktionstyp           | Fakturierungstyp   | Menge | Betrag    | Synchronisierung überspringen (nur für den internen Gebrauch) |
      | Nicht fakturierte Umsätze | Fakturierbar       | -8    | -1.600,00 | Nein                                                          |
      | Nicht fakturierte Umsätze | Fakturierbar       | 6     | 1.200,00  | Nein                                                          |
      | Nicht fakturierte Umsätze | Fakturierbar       | -6    | -1.200,00 | Ja                                                            |
      | Fakturierte Umsätze       | Fakturierbar       | 6     | 1.200,00  | Nein                                                          |
      | Nicht fakturierte Umsätze | Nicht fakturierbar | 2     | 400,00    | Nein                                                          |
      | Nicht fakturierte Umsätze | Nicht fakturierbar | -2    | -400,00   | Ja                                                            |
      | Fakturierte Umsätze       | Nicht fakturierbar | 2     | 400,00    | Nein                                                          |
    Und der ursprüngliche Istwert für nicht fakturierte Umsätze hat den Regulierungsstatus "Reguliert"
    Und der Gesamtbetrag der Proforma-Rechnung beträgt 1.200,00

  @id:confirm-quantity-increased @doc:rule.quantity-increased
  Szenario: Eine erhöhte Menge ersetzt die ursprünglichen nicht fakturierten Umsätze
    Angenommen der Projektmanager hat die Menge des Rechnungszeilendetails auf 10 geändert
    Wenn der Projektmanager die Proforma-Rechnung bestätigt
    Dann wurden diese Istwerte erstellt:
      | Transaktionstyp           | Fakturierungstyp | Menge | Betrag    | Synchronisierung überspringen (nur für den internen Gebrauch) |
      | Nicht fakturierte Umsätze | Fakturierbar     | -8    | -1.600,00 | Nein                                                          |
      | Nicht fakturierte Umsätze | Fakturierbar     | 10    | 2.000,00  | Nein                                                          |
      | Nicht fakturierte Umsätze | Fakturierbar     | -10   | -2.000,00 | Ja                                                            |
      | Fakturierte Umsätze       | Fakturierbar     | 10    | 2.000,00  | Nein                                                          |
    Und der ursprüngliche Istwert für nicht fakturierte Umsätze hat den Regulierungsstatus "Reguliert"
    Und der Gesamtbetrag der Proforma-Rechnung beträgt 2.000,00

  @id:confirm-billing-type @doc:rule.billing-type-total
  Szenariogrundriss: Nicht fakturierbare und kostenlose Zeit wird fakturiert, aber nicht berechnet
    Angenommen der Projektmanager hat den Fakturierungstyp des Rechnungszeilendetails auf "<Fakturierungstyp>" gesetzt
    Wenn der Projektmanager die Proforma-Rechnung bestätigt
    Dann wurden diese Istwerte erstellt:
      | Transaktionstyp           | Fakturierungstyp   | Menge | Betrag    |
      | Nicht fakturierte Umsätze | Fakturierbar       | -8    | -1.600,00 |
      | Nicht fakturierte Umsätze | <Fakturierungstyp> | 8     | 1.600,00  |
      | Nicht fakturierte Umsätze | <Fakturierungstyp> | -8    | -1.600,00 |
      | Fakturierte Umsätze       | <Fakturierungstyp> | 8     | 1.600,00  |
    Und der Gesamtbetrag der Proforma-Rechnung beträgt <Gesamtbetrag>

    Beispiele:
      | Fakturierungstyp   | Gesamtbetrag |
      | Nicht fakturierbar | 0,00         |
      | Kostenlos          | 0,00         |
