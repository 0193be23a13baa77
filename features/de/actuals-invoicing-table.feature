# language: de
Funktionalität: Die Istwert-Tabellen der Microsoft-Dokumentation, Zeilen der Rechnungsstellung
  Zwei Seiten zu Project Operations führen Ereignis für Ereignis auf, welche Istwerte danach bestehen:
  eine für Zeit- und Materialaufträge (ActualsonTM.md), eine für Festpreisaufträge
  (ActualonFP.md). Jedes Szenario hier ist eine Zeile der Rechnungsstellung aus diesen Tabellen,
  mit dem Beispiel der Seite: Bob Kozack erfasst 8 Stunden, die 100,00 pro Stunde kosten und mit 200,00
  pro Stunde abgerechnet werden; der Festpreismeilenstein ist 5.000,00 wert. Jedes Szenario endet mit
  allen Istwerten der Zeile; das Tag @row:tm-<n> oder @row:fp-<n> nennt die Zeile der Tabelle, ab 1
  gezählt. Eine leere Zelle heißt, dass der Istwert in dieser Spalte keinen Wert hat; ein Istwert für
  Kosten hat keinen Fakturierungstyp.

  Grundlage:
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 10 % Umsatzsteuer
    Und der Projektvertrag "Arm Installation at Adatum" für den Debitor "Adatum Corporation"

  @id:tm-invoice-created @row:tm-10
  Szenario: Das Erstellen einer Proforma-Rechnung fügt keine Istwerte hinzu
    Angenommen der Vertrag rechnet Zeit und Material mit 200,00 pro Stunde ab, bei Kosten von 100,00 pro Stunde
    Und "Bob Kozack" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Wenn der Projektmanager eine Proforma-Rechnung für den Vertrag erstellt
    Dann sind die Istwerte des Zeiteintrags:
      | Transaktionstyp           | Menge | Betrag   | Fakturierungstyp | Regulierungsstatus | Abrechnungsstatus       |
      | Kosten                    | 8     | 800,00   |                  |                    |                         |
      | Nicht fakturierte Umsätze | 8     | 1.600,00 | Fakturierbar     |                    | Kundenrechnung erstellt |

  @id:tm-confirmed-unchanged @row:tm-11 @doc:rule.confirm-unchanged @doc:rule.invoice-reversal-unadjustable
  Szenario: Die Bestätigung mit unveränderter Menge storniert die nicht fakturierten Umsätze und fakturiert sie
    Angenommen der Vertrag rechnet Zeit und Material mit 200,00 pro Stunde ab, bei Kosten von 100,00 pro Stunde
    Und "Bob Kozack" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt
    Wenn der Projektmanager die Proforma-Rechnung bestätigt
    Dann sind die Istwerte des Zeiteintrags:
      | Transaktionstyp           | Menge | Betrag    | Fakturierungstyp | Regulierungsstatus | Abrechnungsstatus      |
      | Kosten                    | 8     | 800,00    |                  |                    |                        |
      | Nicht fakturierte Umsätze | 8     | 1.600,00  | Fakturierbar     |                    | Kundenrechnung gebucht |
      | Nicht fakturierte Umsätze | -8    | -1.600,00 | Fakturierbar     | Nicht regulierbar  | Kundenrechnung gebucht |
      | Fakturierte Umsätze       | 8     | 1.600,00  | Fakturierbar     |                    |                        |

  @id:tm-confirmed-decreased @row:tm-12 @doc:rule.quantity-reduced @doc:rule.draft-detail-edit
  Szenario: Nach einer verringerten Menge im Rechnungszeilendetail bleibt der Rest bei der Bestätigung nicht fakturierbar
    Angenommen der Vertrag rechnet Zeit und Material mit 200,00 pro Stunde ab, bei Kosten von 100,00 pro Stunde
    Und "Bob Kozack" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt
    Und der Projektmanager hat die Menge des Rechnungszeilendetails auf 6 geändert
    Wenn der Projektmanager die Proforma-Rechnung bestätigt
    Dann sind die Istwerte des Zeiteintrags:
      | Transaktionstyp           | Menge | Betrag    | Fakturierungstyp   | Regulierungsstatus | Abrechnungsstatus      |
      | Kosten                    | 8     | 800,00    |                    |                    |                        |
      | Nicht fakturierte Umsätze | 8     | 1.600,00  | Fakturierbar       | Reguliert          | Kundenrechnung gebucht |
      | Nicht fakturierte Umsätze | -8    | -1.600,00 | Fakturierbar       | Nicht regulierbar  | Kundenrechnung gebucht |
      | Nicht fakturierte Umsätze | 6     | 1.200,00  | Fakturierbar       |                    | Kundenrechnung gebucht |
      | Nicht fakturierte Umsätze | 2     | 400,00    | Nicht fakturierbar |                    | Kundenrechnung gebucht |
      | Nicht fakturierte Umsätze | -6    | -1.200,00 | Fakturierbar       | Nicht regulierbar  | Kundenrechnung gebucht |
      | Nicht fakturierte Umsätze | -2    | -400,00   | Nicht fakturierbar | Nicht regulierbar  | Kundenrechnung gebucht |
      | Fakturierte Umsätze       | 6     | 1.200,00  | Fakturierbar       |                    |                        |
      | Fakturierte Umsätze       | 2     | 400,00    | Nicht fakturierbar |                    |                        |

  @id:tm-confirmed-increased @row:tm-13 @doc:rule.quantity-increased
  Szenario: Nach einer erhöhten Menge im Rechnungszeilendetail fakturiert die Bestätigung die höhere Menge
    Angenommen der Vertrag rechnet Zeit und Material mit 200,00 pro Stunde ab, bei Kosten von 100,00 pro Stunde
    Und "Bob Kozack" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt
    Und der Projektmanager hat die Menge des Rechnungszeilendetails auf 10 geändert
    Wenn der Projektmanager die Proforma-Rechnung bestätigt
    Dann sind die Istwerte des Zeiteintrags:
      | Transaktionstyp           | Menge | Betrag    | Fakturierungstyp | Regulierungsstatus | Abrechnungsstatus      |
      | Kosten                    | 8     | 800,00    |                  |                    |                        |
      | Nicht fakturierte Umsätze | 8     | 1.600,00  | Fakturierbar     | Reguliert          | Kundenrechnung gebucht |
      | Nicht fakturierte Umsätze | -8    | -1.600,00 | Fakturierbar     | Nicht regulierbar  | Kundenrechnung gebucht |
      | Nicht fakturierte Umsätze | 10    | 2.000,00  | Fakturierbar     |                    | Kundenrechnung gebucht |
      | Nicht fakturierte Umsätze | -10   | -2.000,00 | Fakturierbar     | Nicht regulierbar  | Kundenrechnung gebucht |
      | Fakturierte Umsätze       | 10    | 2.000,00  | Fakturierbar     |                    |                        |

  @id:tm-corrected-decrease @row:tm-14 @doc:rule.correction-partial-credit @doc:rule.correction-adjusts-billed
  Szenario: Eine Überarbeitung mit geringerer fakturierbarer Menge schreibt die Differenz gut und gibt sie in den Abrechnungsstau zurück
    Angenommen der Vertrag rechnet Zeit und Material mit 200,00 pro Stunde ab, bei Kosten von 100,00 pro Stunde
    Und "Bob Kozack" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt und bestätigt
    Und der Projektmanager hat in der Proforma-Rechnung "Überarbeiten" gewählt
    Und der Projektmanager hat die Menge des Rechnungszeilendetails auf 6 geändert
    Wenn der Projektmanager die Proforma-Rechnung bestätigt
    Dann sind die Istwerte des Zeiteintrags:
      | Transaktionstyp           | Menge | Betrag    | Fakturierungstyp | Regulierungsstatus | Abrechnungsstatus                  |
      | Kosten                    | 8     | 800,00    |                  |                    |                                    |
      | Nicht fakturierte Umsätze | 8     | 1.600,00  | Fakturierbar     |                    | Kundenrechnung gebucht             |
      | Nicht fakturierte Umsätze | -8    | -1.600,00 | Fakturierbar     | Nicht regulierbar  | Kundenrechnung gebucht             |
      | Fakturierte Umsätze       | 8     | 1.600,00  | Fakturierbar     | Reguliert          |                                    |
      | Fakturierte Umsätze       | -8    | -1.600,00 | Fakturierbar     | Nicht regulierbar  |                                    |
      | Nicht fakturierte Umsätze | 6     | 1.200,00  | Fakturierbar     |                    | Kundenrechnung gebucht             |
      | Nicht fakturierte Umsätze | -6    | -1.200,00 | Fakturierbar     | Nicht regulierbar  | Kundenrechnung gebucht             |
      | Fakturierte Umsätze       | 6     | 1.200,00  | Fakturierbar     |                    |                                    |
      | Nicht fakturierte Umsätze | 2     | 400,00    | Fakturierbar     |                    | Nicht fakturierter Umsatz erstellt |

  @id:tm-corrected-increase @row:tm-15 @doc:rule.correction-increase @doc:rule.correction-adjusts-billed
  Szenario: Eine Überarbeitung mit höherer fakturierbarer Menge fakturiert die höhere Menge
    Angenommen der Vertrag rechnet Zeit und Material mit 200,00 pro Stunde ab, bei Kosten von 100,00 pro Stunde
    Und "Bob Kozack" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt und bestätigt
    Und der Projektmanager hat in der Proforma-Rechnung "Überarbeiten" gewählt
    Und der Projektmanager hat die Menge des Rechnungszeilendetails auf 10 geändert
    Wenn der Projektmanager die Proforma-Rechnung bestätigt
    Dann sind die Istwerte des Zeiteintrags:
      | Transaktionstyp           | Menge | Betrag    | Fakturierungstyp | Regulierungsstatus | Abrechnungsstatus      |
      | Kosten                    | 8     | 800,00    |                  |                    |                        |
      | Nicht fakturierte Umsätze | 8     | 1.600,00  | Fakturierbar     |                    | Kundenrechnung gebucht |
      | Nicht fakturierte Umsätze | -8    | -1.600,00 | Fakturierbar     | Nicht regulierbar  | Kundenrechnung gebucht |
      | Fakturierte Umsätze       | 8     | 1.600,00  | Fakturierbar     | Reguliert          |                        |
      | Fakturierte Umsätze       | -8    | -1.600,00 | Fakturierbar     | Nicht regulierbar  |                        |
      | Nicht fakturierte Umsätze | 10    | 2.000,00  | Fakturierbar     |                    | Kundenrechnung gebucht |
      | Nicht fakturierte Umsätze | -10   | -2.000,00 | Fakturierbar     | Nicht regulierbar  | Kundenrechnung gebucht |
      | Fakturierte Umsätze       | 10    | 2.000,00  | Fakturierbar     |                    |                        |

  @id:fp-invoice-created @row:fp-8
  Szenario: Das Erstellen einer Proforma-Rechnung für einen Festpreismeilenstein fügt keine Istwerte hinzu
    Angenommen der Vertrag hat den Festpreismeilenstein "Arm installation" über 5.000,00, bereit für die Rechnungsstellung, und Zeit im Projekt kostet 100,00 pro Stunde
    Und "Bob Kozack" hat 8 Stunden gearbeitet und die Zeit ist genehmigt
    Wenn der Projektmanager eine Proforma-Rechnung für den Vertrag erstellt
    Dann hat der Meilenstein "Arm installation" den Rechnungsstatus "Kundenrechnung erstellt"
    Und die Istwerte des Projekts sind:
      | Transaktionstyp | Menge | Betrag | Fakturierungstyp | Regulierungsstatus | Abrechnungsstatus |
      | Kosten          | 8     | 800,00 |                  |                    |                   |

  @id:fp-confirmed-milestone @row:fp-9 @doc:rule.milestone-billed-only
  Szenario: Die Bestätigung einer Rechnung mit einem Meilenstein fakturiert den Meilenstein
    Angenommen der Vertrag hat den Festpreismeilenstein "Arm installation" über 5.000,00, bereit für die Rechnungsstellung, und Zeit im Projekt kostet 100,00 pro Stunde
    Und "Bob Kozack" hat 8 Stunden gearbeitet und die Zeit ist genehmigt
    Und der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt
    Wenn der Projektmanager die Proforma-Rechnung bestätigt
    Dann sind die Istwerte des Projekts:
      | Transaktionstyp     | Menge | Betrag   | Fakturierungstyp | Regulierungsstatus | Abrechnungsstatus |
      | Kosten              | 8     | 800,00   |                  |                    |                   |
      | Fakturierte Umsätze | 1     | 5.000,00 | Fakturierbar     |                    |                   |

  @id:fp-corrected-credit @row:fp-10 @doc:rule.correction-milestone-full @doc:rule.correction-adjusts-billed
  Szenario: Eine Überarbeitung, die den Meilenstein gutschreibt, storniert seine fakturierten Umsätze
    Angenommen der Vertrag hat den Festpreismeilenstein "Arm installation" über 5.000,00, bereit für die Rechnungsstellung, und Zeit im Projekt kostet 100,00 pro Stunde
    Und "Bob Kozack" hat 8 Stunden gearbeitet und die Zeit ist genehmigt
    Und der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt und bestätigt
    Und der Projektmanager hat in der Proforma-Rechnung "Überarbeiten" gewählt
    Wenn der Projektmanager die Proforma-Rechnung bestätigt
    Dann sind die Istwerte des Projekts:
      | Transaktionstyp     | Menge | Betrag    | Fakturierungstyp | Regulierungsstatus | Abrechnungsstatus |
      | Kosten              | 8     | 800,00    |                  |                    |                   |
      | Fakturierte Umsätze | 1     | 5.000,00  | Fakturierbar     | Reguliert          |                   |
      | Fakturierte Umsätze | -1    | -5.000,00 | Fakturierbar     | Nicht regulierbar  |                   |
