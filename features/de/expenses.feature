# language: de
Funktionalität: Ausgaben, bepreist nach Ausgabenkategorie, durch die ganze Integration
  Berater haben für den Debitor Ausgaben: Flüge, Kilometer, Hotels. Die Genehmigung einer Ausgabe erzeugt
  Ist-Kosten in Höhe des Betrags der Ausgabenerfassung und, auf einer Vertragszeile für Zeit und Material,
  die Ausgaben einschließt, einen Istwert für nicht fakturierte Umsätze der Transaktionsklasse Ausgaben.
  Dessen Preis kommt aus dem Kategoriepreis der Ausgabenkategorie in der Verkaufspreisliste des Vertrags:
  Preis pro Einheit, zu Selbstkosten oder Aufschlag auf Kosten. Danach nimmt die Ausgabe denselben Weg wie
  die Zeit: Integrationsjournal, Abrechnungsstau, Proforma-Rechnung, Projektrechnungsvorschlag und gebuchte
  Kundenrechnung.

  Quellen: Microsoft Learn, die Seiten über Kosten- und Verkaufssätze für Ausgaben, über den Preis 0 bei
  Istwerten von Ausgaben (Kosten und Umsätze), über die Bestätigung einer Proforma-Rechnung und die Übersicht
  der Istwerte.

  Grundlage:
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 10 % Umsatzsteuer
    Und der Projektvertrag "ERP-Einführung" für den Debitor "Contoso Ltd."
    Und der Vertrag rechnet Zeit und Material mit 200,00 pro Stunde ab, bei Kosten von 100,00 pro Stunde
    Und die Verkaufspreisliste des Vertrags hat diese Kategoriepreise:
      | Flug      | Aufschlag auf Kosten |      | 10 |
      | Kilometer | Preis pro Einheit    | 0,50 |    |
      | Hotel     | Zu Selbstkosten      |      |    |

  @id:expense-markup @doc:rule.expense-markup-over-cost @doc:rule.expense-cost-from-entry
  Szenario: Ein Flug wird zu seinen Kosten plus dem Aufschlag seiner Kategorie abgerechnet
    Wenn "Bob" eine genehmigte Ausgabe von 400,00 in der Ausgabenkategorie "Flug" hat
    Dann sind die Istwerte der Ausgabe:
      | Transaktionstyp           | Transaktionsklasse | Menge | Preis  | Betrag |
      | Kosten                    | Ausgaben           | 1     | 400,00 | 400,00 |
      | Nicht fakturierte Umsätze | Ausgaben           | 1     | 440,00 | 440,00 |

  @id:expense-per-unit @doc:rule.expense-price-per-unit @doc:rule.expense-quantity @convention
  Szenario: Kilometer werden zum Preis pro Einheit ihrer Kategorie abgerechnet (die Menge einer Ausgabe ist unsere Konvention)
    Wenn "Bob" eine genehmigte Ausgabe von 54,00 für 120 Einheiten in der Ausgabenkategorie "Kilometer" hat
    Dann sind die Istwerte der Ausgabe:
      | Transaktionstyp           | Menge | Preis | Betrag |
      | Kosten                    | 120   | 0,45  | 54,00  |
      | Nicht fakturierte Umsätze | 120   | 0,50  | 60,00  |

  @id:expense-at-cost @doc:rule.expense-at-cost @doc:rule.category-price-currency
  Szenario: Ein Hotel wird zu Selbstkosten abgerechnet, in der Währung der Preisliste
    Wenn "Bob" eine genehmigte Ausgabe von 189,90 in der Ausgabenkategorie "Hotel" hat
    Dann sind die Istwerte der Ausgabe:
      | Transaktionstyp           | Menge | Preis  | Betrag |
      | Kosten                    | 1     | 189,90 | 189,90 |
      | Nicht fakturierte Umsätze | 1     | 189,90 | 189,90 |
    Und die Kategoriepreise lauten auf die Währung "USD"

  @id:expense-no-category-price @doc:rule.expense-no-category-price-zero
  Szenario: Eine Ausgabenkategorie ohne Kategoriepreis erhält den Verkaufspreis 0
    Wenn "Bob" eine genehmigte Ausgabe von 35,00 in der Ausgabenkategorie "Bewirtung" hat
    Dann sind die Istwerte der Ausgabe:
      | Transaktionstyp           | Menge | Preis | Betrag |
      | Kosten                    | 1     | 35,00 | 35,00  |
      | Nicht fakturierte Umsätze | 1     | 0,00  | 0,00   |

  @id:expense-price-list-dates @doc:rule.expense-price-list-by-date
  Szenario: Eine Verkaufspreisliste, die am Ausgabendatum nicht gilt, liefert keinen Preis
    Angenommen die Verkaufspreisliste des Vertrags gilt vom "2025-01-01" bis zum "2025-12-31"
    Wenn "Bob" eine genehmigte Ausgabe von 400,00 in der Ausgabenkategorie "Flug" hat
    Dann sind die Istwerte der Ausgabe:
      | Transaktionstyp           | Menge | Preis  | Betrag |
      | Kosten                    | 1     | 400,00 | 400,00 |
      | Nicht fakturierte Umsätze | 1     | 0,00   | 0,00   |

  @id:expense-line-excludes @doc:rule.contract-line-includes-class
  Szenario: Auf einer Vertragszeile, die keine Ausgaben einschließt, hat eine Ausgabe nur Ist-Kosten
    Angenommen die Vertragszeile schließt keine Ausgaben ein
    Wenn "Bob" eine genehmigte Ausgabe von 400,00 in der Ausgabenkategorie "Flug" hat
    Dann sind die Istwerte der Ausgabe:
      | Transaktionstyp | Menge | Betrag |
      | Kosten          | 1     | 400,00 |

  @id:expense-conventions @doc:rule.include-class-unset @doc:rule.contract-price-list-header @convention
  Szenario: Unsere Konvention: eine Vertragszeile ohne gesetztes „Ausgaben einschließen“ nimmt Ausgaben auf, bepreist nach der Preisliste im Vertragskopf
    Wenn "Bob" eine genehmigte Ausgabe von 400,00 in der Ausgabenkategorie "Flug" hat
    Dann sind die Istwerte der Ausgabe:
      | Transaktionstyp           | Abrechnungsstatus                  | Betrag |
      | Kosten                    |                                    | 400,00 |
      | Nicht fakturierte Umsätze | Nicht fakturierter Umsatz erstellt | 440,00 |

  @id:expense-with-time @doc:rule.actuals-on-approval @doc:rule.expense-markup-over-cost @doc:rule.expense-cost-offset
  Szenario: Zeit und eine Ausgabe auf einer Rechnung, von der Genehmigung bis zu den Buchhaltungsdetails
    Angenommen "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt
    Und "Bob" hat eine genehmigte Ausgabe von 400,00 in der Ausgabenkategorie "Flug"
    Und die nicht fakturierten Umsätze sind über das Project Operations-Integrationsjournal gebucht
    Dann schreibt der Beleg des Integrationsjournals die Kosten der Ausgabe von 400,00 dem Gegenkonto für Ausgaben gut
    Wenn der Projektmanager den Abrechnungsstau des Vertrags als bereit für die Rechnungsstellung markiert
    Und der Projektmanager eine Proforma-Rechnung für den Vertrag erstellt
    Dann beträgt der Gesamtbetrag der Proforma-Rechnung 2.040,00
    Wenn der Projektmanager die Proforma-Rechnung bestätigt
    Dann sind die Istwerte der Ausgabe:
      | Transaktionstyp           | Menge | Betrag  | Abrechnungsstatus      |
      | Kosten                    | 1     | 400,00  |                        |
      | Nicht fakturierte Umsätze | 1     | 440,00  | Kundenrechnung gebucht |
      | Nicht fakturierte Umsätze | -1    | -440,00 | Kundenrechnung gebucht |
      | Fakturierte Umsätze       | 1     | 440,00  |                        |
    Und der Istwert für fakturierte Umsätze der Ausgabe hat noch keinen Wert im Feld "Belegnummer"
    Wenn der periodische Prozess "Aus Stagingtabelle importieren" ausgeführt wird
    Und der Projektbuchhalter den Projektrechnungsvorschlag bucht
    Dann hat der Projektrechnungsvorschlag 2 Zeilen
    Und der Projektrechnungsvorschlag hat eine Ausgabenzeile über 440,00
    Und der Betrag des Projektrechnungsvorschlags beträgt 2.040,00
    Und die Belegnummer des Istwerts für fakturierte Umsätze der Ausgabe ist der Beleg der gebuchten Kundenrechnung
