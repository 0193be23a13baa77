# language: de
Funktionalität: Istwerte eines Zeiteintrags vor der Rechnungsstellung, Zeile für Zeile
  Die beiden Istwert-Tabellen von Project Operations (ActualsonTM.md für Zeit und Material,
  ActualonFP.md für Festpreis) zeigen für jedes Ereignis im Leben von Bob Kozaks Zeiteintrag, welche
  Istwerte danach bestehen. Diese Szenarien spielen die Zeilen bis zum bestätigten Vertrag nach: jedes endet
  mit allen Istwerten des Zeiteintrags, als Ganzes verglichen. Bob arbeitet 8 Stunden; sein Kostensatz ist
  100,00 pro Stunde, bei Zeit und Material wird er mit 200,00 pro Stunde abgerechnet.
  Dass ein vor der Genehmigung zurückgerufener Zeiteintrag wieder Entwurf ist, ist unsere Konvention (die
  Seiten nennen keinen Status); auch die Namen der Aktionen sind unsere (docs/api.md).

  @id:tm-1 @row:tm-1
  Szenario: Zeit ist erfasst: noch keine Istwerte
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 10 % Umsatzsteuer
    Und der Projektvertrag "Armmontage bei Adatum" für den Debitor "Adatum Corporation"
    Und der Vertrag rechnet Zeit und Material mit 200,00 pro Stunde ab, bei Kosten von 100,00 pro Stunde
    Wenn "Bob Kozak" 8 Stunden für das Projekt erfasst
    Dann sind die Istwerte des Zeiteintrags:
      | Transaktionstyp | Menge | Betrag | Fakturierungstyp | Regulierungsstatus | Abrechnungsstatus |

  @id:tm-2 @row:tm-2 @doc:rule.time-submitted-journal
  Szenario: Zeit ist übermittelt: Journalzeilen zu den Standardsätzen, keine Istwerte
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 10 % Umsatzsteuer
    Und der Projektvertrag "Armmontage bei Adatum" für den Debitor "Adatum Corporation"
    Und der Vertrag rechnet Zeit und Material mit 200,00 pro Stunde ab, bei Kosten von 100,00 pro Stunde
    Und "Bob Kozak" hat 8 Stunden für das Projekt erfasst
    Wenn "Bob Kozak" den Zeiteintrag übermittelt
    Dann sind die Journalzeilen des Zeiteintrags:
      | Transaktionstyp           | Fakturierungstyp | Menge | Betrag   |
      | Kosten                    |                  | 8     | 800,00   |
      | Nicht fakturierte Umsätze | Fakturierbar     | 8     | 1.600,00 |
    Und die Istwerte des Zeiteintrags sind:
      | Transaktionstyp | Menge | Betrag | Fakturierungstyp | Regulierungsstatus | Abrechnungsstatus |

  @id:tm-3 @row:tm-3 @doc:rule.recall-before-approval @convention
  Szenario: Der Zeiteintrag wird vor der Genehmigung zurückgerufen: keine Istwerte
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 10 % Umsatzsteuer
    Und der Projektvertrag "Armmontage bei Adatum" für den Debitor "Adatum Corporation"
    Und der Vertrag rechnet Zeit und Material mit 200,00 pro Stunde ab, bei Kosten von 100,00 pro Stunde
    Und "Bob Kozak" hat 8 Stunden für das Projekt erfasst
    Und "Bob Kozak" hat den Zeiteintrag übermittelt
    Wenn "Bob Kozak" den Zeiteintrag zurückruft
    Dann sind die Istwerte des Zeiteintrags:
      | Transaktionstyp | Menge | Betrag | Fakturierungstyp | Regulierungsstatus | Abrechnungsstatus |
    Und die Journalzeilen des Zeiteintrags sind:
      | Transaktionstyp | Fakturierungstyp | Menge | Betrag |

  @id:tm-4 @row:tm-4 @doc:rule.actuals-on-approval
  Szenario: Genehmigt mit so vielen fakturierbaren wie übermittelten Stunden
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 10 % Umsatzsteuer
    Und der Projektvertrag "Armmontage bei Adatum" für den Debitor "Adatum Corporation"
    Und der Vertrag rechnet Zeit und Material mit 200,00 pro Stunde ab, bei Kosten von 100,00 pro Stunde
    Und "Bob Kozak" hat 8 Stunden für das Projekt erfasst
    Und "Bob Kozak" hat den Zeiteintrag übermittelt
    Wenn der Projektmanager den Zeiteintrag genehmigt
    Dann sind die Istwerte des Zeiteintrags:
      | Transaktionstyp           | Menge | Betrag   | Fakturierungstyp | Regulierungsstatus | Abrechnungsstatus                  |
      | Kosten                    | 8     | 800,00   |                  |                    |                                    |
      | Nicht fakturierte Umsätze | 8     | 1.600,00 | Fakturierbar     |                    | Nicht fakturierter Umsatz erstellt |

  @id:tm-5 @row:tm-5 @doc:rule.approve-billable-below
  Szenario: Genehmigt mit weniger fakturierbaren Stunden: der Rest ist nicht fakturierbar
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 10 % Umsatzsteuer
    Und der Projektvertrag "Armmontage bei Adatum" für den Debitor "Adatum Corporation"
    Und der Vertrag rechnet Zeit und Material mit 200,00 pro Stunde ab, bei Kosten von 100,00 pro Stunde
    Und "Bob Kozak" hat 8 Stunden für das Projekt erfasst
    Und "Bob Kozak" hat den Zeiteintrag übermittelt
    Und der Projektmanager hat die fakturierbaren Stunden des Zeiteintrags auf 6 gesetzt
    Wenn der Projektmanager den Zeiteintrag genehmigt
    Dann sind die Istwerte des Zeiteintrags:
      | Transaktionstyp           | Menge | Betrag   | Fakturierungstyp   | Regulierungsstatus | Abrechnungsstatus                  |
      | Kosten                    | 8     | 800,00   |                    |                    |                                    |
      | Nicht fakturierte Umsätze | 6     | 1.200,00 | Fakturierbar       |                    | Nicht fakturierter Umsatz erstellt |
      | Nicht fakturierte Umsätze | 2     | 400,00   | Nicht fakturierbar |                    | Nicht fakturierter Umsatz erstellt |

  @id:tm-6 @row:tm-6 @doc:rule.approve-billable-above
  Szenario: Genehmigt mit mehr fakturierbaren als übermittelten Stunden
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 10 % Umsatzsteuer
    Und der Projektvertrag "Armmontage bei Adatum" für den Debitor "Adatum Corporation"
    Und der Vertrag rechnet Zeit und Material mit 200,00 pro Stunde ab, bei Kosten von 100,00 pro Stunde
    Und "Bob Kozak" hat 8 Stunden für das Projekt erfasst
    Und "Bob Kozak" hat den Zeiteintrag übermittelt
    Und der Projektmanager hat die fakturierbaren Stunden des Zeiteintrags auf 10 gesetzt
    Wenn der Projektmanager den Zeiteintrag genehmigt
    Dann sind die Istwerte des Zeiteintrags:
      | Transaktionstyp           | Menge | Betrag   | Fakturierungstyp | Regulierungsstatus | Abrechnungsstatus                  |
      | Kosten                    | 8     | 800,00   |                  |                    |                                    |
      | Nicht fakturierte Umsätze | 10    | 2.000,00 | Fakturierbar     |                    | Nicht fakturierter Umsatz erstellt |

  @id:tm-7 @row:tm-7 @doc:rule.cancel-approval-reverses
  Szenario: Die Genehmigung wird abgebrochen: Originale reguliert, Stornobuchungen nicht regulierbar
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 10 % Umsatzsteuer
    Und der Projektvertrag "Armmontage bei Adatum" für den Debitor "Adatum Corporation"
    Und der Vertrag rechnet Zeit und Material mit 200,00 pro Stunde ab, bei Kosten von 100,00 pro Stunde
    Und "Bob Kozak" hat 8 Stunden für das Projekt erfasst
    Und "Bob Kozak" hat den Zeiteintrag übermittelt
    Und der Projektmanager hat den Zeiteintrag genehmigt
    Wenn der Projektmanager die Genehmigung des Zeiteintrags abbricht
    Dann sind die Istwerte des Zeiteintrags:
      | Transaktionstyp           | Menge | Betrag    | Fakturierungstyp | Regulierungsstatus | Abrechnungsstatus |
      | Kosten                    | 8     | 800,00    |                  | Reguliert          | Storniert         |
      | Kosten                    | -8    | -800,00   |                  | Nicht regulierbar  | Storniert         |
      | Nicht fakturierte Umsätze | 8     | 1.600,00  | Fakturierbar     | Reguliert          | Storniert         |
      | Nicht fakturierte Umsätze | -8    | -1.600,00 | Fakturierbar     | Nicht regulierbar  | Storniert         |

  @id:tm-8 @row:tm-8 @doc:rule.recall-approved-reverses
  Szenario: Der Zeiteintrag wird nach der Genehmigung zurückgerufen: seine Istwerte werden storniert
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 10 % Umsatzsteuer
    Und der Projektvertrag "Armmontage bei Adatum" für den Debitor "Adatum Corporation"
    Und der Vertrag rechnet Zeit und Material mit 200,00 pro Stunde ab, bei Kosten von 100,00 pro Stunde
    Und "Bob Kozak" hat 8 Stunden für das Projekt erfasst
    Und "Bob Kozak" hat den Zeiteintrag übermittelt
    Und der Projektmanager hat den Zeiteintrag genehmigt
    Wenn "Bob Kozak" den Zeiteintrag zurückruft
    Und der Projektmanager den Rückruf des Zeiteintrags genehmigt
    Dann sind die Istwerte des Zeiteintrags:
      | Transaktionstyp           | Menge | Betrag    | Fakturierungstyp | Regulierungsstatus | Abrechnungsstatus |
      | Kosten                    | 8     | 800,00    |                  | Reguliert          | Storniert         |
      | Kosten                    | -8    | -800,00   |                  | Nicht regulierbar  | Storniert         |
      | Nicht fakturierte Umsätze | 8     | 1.600,00  | Fakturierbar     | Reguliert          | Storniert         |
      | Nicht fakturierte Umsätze | -8    | -1.600,00 | Fakturierbar     | Nicht regulierbar  | Storniert         |

  @id:tm-9 @row:tm-9 @doc:rule.contract-confirm-reevaluates
  Szenario: Der Vertrag wird bestätigt: Istwerte storniert und aus dem Vertrag neu erstellt
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 10 % Umsatzsteuer
    Und der Projektvertrag "Armmontage bei Adatum" für den Debitor "Adatum Corporation"
    Und der Vertrag rechnet Zeit und Material mit 200,00 pro Stunde ab, bei Kosten von 100,00 pro Stunde
    Und "Bob Kozak" hat 8 Stunden für das Projekt erfasst
    Und "Bob Kozak" hat den Zeiteintrag übermittelt
    Und der Projektmanager hat den Zeiteintrag genehmigt
    Wenn der Projektmanager den Vertrag bestätigt
    Dann sind die Istwerte des Zeiteintrags:
      | Transaktionstyp           | Menge | Betrag    | Fakturierungstyp | Regulierungsstatus | Abrechnungsstatus                  |
      | Kosten                    | 8     | 800,00    |                  | Reguliert          |                                    |
      | Kosten                    | -8    | -800,00   |                  | Nicht regulierbar  |                                    |
      | Kosten                    | 8     | 800,00    |                  |                    |                                    |
      | Nicht fakturierte Umsätze | 8     | 1.600,00  | Fakturierbar     | Reguliert          | Nicht fakturierter Umsatz erstellt |
      | Nicht fakturierte Umsätze | -8    | -1.600,00 | Fakturierbar     | Nicht regulierbar  | Nicht fakturierter Umsatz erstellt |
      | Nicht fakturierte Umsätze | 8     | 1.600,00  | Fakturierbar     |                    | Nicht fakturierter Umsatz erstellt |

  @id:fp-1 @row:fp-1
  Szenario: Festpreis: Zeit ist erfasst, noch keine Istwerte
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 10 % Umsatzsteuer
    Und der Projektvertrag "Armmontage bei Adatum" für den Debitor "Adatum Corporation"
    Und der Vertrag rechnet das Projekt zum Festpreis von 5.000,00 ab, bei Kosten von 100,00 pro Stunde
    Wenn "Bob Kozak" 8 Stunden für das Projekt erfasst
    Dann sind die Istwerte des Zeiteintrags:
      | Transaktionstyp | Menge | Betrag | Fakturierungstyp | Regulierungsstatus | Abrechnungsstatus |

  @id:fp-2 @row:fp-2 @doc:rule.time-submitted-journal
  Szenario: Festpreis: Zeit ist übermittelt, nur eine Kostenjournalzeile
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 10 % Umsatzsteuer
    Und der Projektvertrag "Armmontage bei Adatum" für den Debitor "Adatum Corporation"
    Und der Vertrag rechnet das Projekt zum Festpreis von 5.000,00 ab, bei Kosten von 100,00 pro Stunde
    Und "Bob Kozak" hat 8 Stunden für das Projekt erfasst
    Wenn "Bob Kozak" den Zeiteintrag übermittelt
    Dann sind die Journalzeilen des Zeiteintrags:
      | Transaktionstyp | Fakturierungstyp | Menge | Betrag |
      | Kosten          |                  | 8     | 800,00 |
    Und die Istwerte des Zeiteintrags sind:
      | Transaktionstyp | Menge | Betrag | Fakturierungstyp | Regulierungsstatus | Abrechnungsstatus |

  @id:fp-3 @row:fp-3 @doc:rule.recall-before-approval @convention
  Szenario: Festpreis: der Zeiteintrag wird vor der Genehmigung zurückgerufen
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 10 % Umsatzsteuer
    Und der Projektvertrag "Armmontage bei Adatum" für den Debitor "Adatum Corporation"
    Und der Vertrag rechnet das Projekt zum Festpreis von 5.000,00 ab, bei Kosten von 100,00 pro Stunde
    Und "Bob Kozak" hat 8 Stunden für das Projekt erfasst
    Und "Bob Kozak" hat den Zeiteintrag übermittelt
    Wenn "Bob Kozak" den Zeiteintrag zurückruft
    Dann sind die Istwerte des Zeiteintrags:
      | Transaktionstyp | Menge | Betrag | Fakturierungstyp | Regulierungsstatus | Abrechnungsstatus |
    Und die Journalzeilen des Zeiteintrags sind:
      | Transaktionstyp | Fakturierungstyp | Menge | Betrag |

  @id:fp-4 @row:fp-4 @doc:rule.actuals-on-approval
  Szenario: Festpreis: die Genehmigung erstellt nur einen Kostenistwert
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 10 % Umsatzsteuer
    Und der Projektvertrag "Armmontage bei Adatum" für den Debitor "Adatum Corporation"
    Und der Vertrag rechnet das Projekt zum Festpreis von 5.000,00 ab, bei Kosten von 100,00 pro Stunde
    Und "Bob Kozak" hat 8 Stunden für das Projekt erfasst
    Und "Bob Kozak" hat den Zeiteintrag übermittelt
    Wenn der Projektmanager den Zeiteintrag genehmigt
    Dann sind die Istwerte des Zeiteintrags:
      | Transaktionstyp | Menge | Betrag | Fakturierungstyp | Regulierungsstatus | Abrechnungsstatus |
      | Kosten          | 8     | 800,00 |                  |                    |                   |

  @id:fp-5 @row:fp-5 @doc:rule.cancel-approval-reverses
  Szenario: Festpreis: die Genehmigung wird abgebrochen
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 10 % Umsatzsteuer
    Und der Projektvertrag "Armmontage bei Adatum" für den Debitor "Adatum Corporation"
    Und der Vertrag rechnet das Projekt zum Festpreis von 5.000,00 ab, bei Kosten von 100,00 pro Stunde
    Und "Bob Kozak" hat 8 Stunden für das Projekt erfasst
    Und "Bob Kozak" hat den Zeiteintrag übermittelt
    Und der Projektmanager hat den Zeiteintrag genehmigt
    Wenn der Projektmanager die Genehmigung des Zeiteintrags abbricht
    Dann sind die Istwerte des Zeiteintrags:
      | Transaktionstyp | Menge | Betrag  | Fakturierungstyp | Regulierungsstatus | Abrechnungsstatus |
      | Kosten          | 8     | 800,00  |                  | Reguliert          | Storniert         |
      | Kosten          | -8    | -800,00 |                  | Nicht regulierbar  | Storniert         |

  @id:fp-6 @row:fp-6 @doc:rule.recall-approved-reverses
  Szenario: Festpreis: der Zeiteintrag wird nach der Genehmigung zurückgerufen
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 10 % Umsatzsteuer
    Und der Projektvertrag "Armmontage bei Adatum" für den Debitor "Adatum Corporation"
    Und der Vertrag rechnet das Projekt zum Festpreis von 5.000,00 ab, bei Kosten von 100,00 pro Stunde
    Und "Bob Kozak" hat 8 Stunden für das Projekt erfasst
    Und "Bob Kozak" hat den Zeiteintrag übermittelt
    Und der Projektmanager hat den Zeiteintrag genehmigt
    Wenn "Bob Kozak" den Zeiteintrag zurückruft
    Und der Projektmanager den Rückruf des Zeiteintrags genehmigt
    Dann sind die Istwerte des Zeiteintrags:
      | Transaktionstyp | Menge | Betrag  | Fakturierungstyp | Regulierungsstatus | Abrechnungsstatus |
      | Kosten          | 8     | 800,00  |                  | Reguliert          | Storniert         |
      | Kosten          | -8    | -800,00 |                  | Nicht regulierbar  | Storniert         |

  @id:fp-7 @row:fp-7 @doc:rule.contract-confirm-reevaluates
  Szenario: Festpreis: der Vertrag wird bestätigt
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 10 % Umsatzsteuer
    Und der Projektvertrag "Armmontage bei Adatum" für den Debitor "Adatum Corporation"
    Und der Vertrag rechnet das Projekt zum Festpreis von 5.000,00 ab, bei Kosten von 100,00 pro Stunde
    Und "Bob Kozak" hat 8 Stunden für das Projekt erfasst
    Und "Bob Kozak" hat den Zeiteintrag übermittelt
    Und der Projektmanager hat den Zeiteintrag genehmigt
    Wenn der Projektmanager den Vertrag bestätigt
    Dann sind die Istwerte des Zeiteintrags:
      | Transaktionstyp | Menge | Betrag  | Fakturierungstyp | Regulierungsstatus | Abrechnungsstatus |
      | Kosten          | 8     | 800,00  |                  | Reguliert          |                   |
      | Kosten          | -8    | -800,00 |                  | Nicht regulierbar  |                   |
      | Kosten          | 8     | 800,00  |                  |                    |                   |

  @id:recall-draft-refused @doc:rule.time-entry-transitions
  Szenario: Ein Zeiteintrag im Entwurf kann nicht zurückgerufen werden
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 10 % Umsatzsteuer
    Und der Projektvertrag "Armmontage bei Adatum" für den Debitor "Adatum Corporation"
    Und der Vertrag rechnet Zeit und Material mit 200,00 pro Stunde ab, bei Kosten von 100,00 pro Stunde
    Und "Bob Kozak" hat 8 Stunden für das Projekt erfasst
    Wenn "Bob Kozak" versucht, den Zeiteintrag zurückzurufen
    Dann wird der Vorgang abgelehnt
    Und die Istwerte des Zeiteintrags sind:
      | Transaktionstyp | Menge | Betrag | Fakturierungstyp | Regulierungsstatus | Abrechnungsstatus |

  @id:cancel-invoiced-refused @doc:rule.cancel-recall-not-invoiced
  Szenario: Die Genehmigung von Zeit auf einem Rechnungsentwurf kann nicht abgebrochen werden
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 10 % Umsatzsteuer
    Und der Projektvertrag "Armmontage bei Adatum" für den Debitor "Adatum Corporation"
    Und der Vertrag rechnet Zeit und Material mit 200,00 pro Stunde ab, bei Kosten von 100,00 pro Stunde
    Und "Bob Kozak" hat 8 Stunden für das Projekt erfasst
    Und "Bob Kozak" hat den Zeiteintrag übermittelt
    Und der Projektmanager hat den Zeiteintrag genehmigt
    Und der Projektmanager hat den Abrechnungsstau des Vertrags als bereit für die Rechnungsstellung markiert
    Und der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt
    Wenn der Projektmanager versucht, die Genehmigung des Zeiteintrags abzubrechen
    Dann wird der Vorgang abgelehnt
    Und die Istwerte des Zeiteintrags sind:
      | Transaktionstyp           | Menge | Betrag   | Fakturierungstyp | Regulierungsstatus | Abrechnungsstatus       |
      | Kosten                    | 8     | 800,00   |                  |                    |                         |
      | Nicht fakturierte Umsätze | 8     | 1.600,00 | Fakturierbar     |                    | Kundenrechnung erstellt |
