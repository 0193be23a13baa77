# language: de
Funktionalität: Das Project Operations-Integrationsjournal
  Genehmigte Arbeit gelangt als Istwerte in die Finanz- und Betriebs-Apps. Der periodische Prozess
  "Aus Stagingtabelle importieren" macht aus jedem Istwert für Kosten und für nicht fakturierte Umsätze eine Zeile
  des Project Operations-Integrationsjournals. Dort prüft der Projektbuchhalter die Zeilen, bevor sie ins
  Projektnebenbuch und ins Hauptbuch gebucht werden. Die Periodeneinheit in den Projektmanagement- und
  Buchhaltungsparametern bestimmt, wie die Zeilen auf Journale verteilt werden; jede Zeile hat ihren eigenen Beleg.
  Zeilen, die sich nicht buchen lassen, kommen in ein neues Journal mit dem Status "Fehler".

  Quelle: Microsoft Learn, Seite zum Integrationsjournal in Project Operations; die Belegzeilen folgen dem
  Beispielszenario der Seite zum Verwalten von Projektrechnungsvorschlägen.

  Grundlage:
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 0 % Umsatzsteuer
    Und der Projektvertrag "ERP-Einführung" für den Debitor "Contoso Ltd."
    Und der Vertrag rechnet Zeit und Material mit 200,00 pro Stunde ab, bei Kosten von 100,00 pro Stunde

  @id:journal-period-unit @doc:rule.journal-period-unit
  Szenario: Standardmäßig ein Journal je Tag, mit der Periodeneinheit "Monate" eines für den ganzen Monat
    Angenommen "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt
    Und die Uhr des Simulators rückt um 1 Tag vor
    Und "Bob" hat 4 Stunden gearbeitet und die Zeit ist genehmigt
    Wenn der periodische Prozess "Aus Stagingtabelle importieren" ausgeführt wird
    Dann enthält die Tabelle Project Operations-Integrationsjournale der juristischen Person "USPM" 2 Datensätze
    Und die Tabelle Integrationsjournalzeilen der juristischen Person "USPM" enthält 4 Datensätze
    Wenn die Periodeneinheit des Project Operations-Integrationsjournals "Monate" ist
    Und die Uhr des Simulators um 1 Tag vorrückt
    Und "Bob" 2 Stunden gearbeitet hat und die Zeit genehmigt ist
    Und die Uhr des Simulators um 1 Tag vorrückt
    Und "Bob" 3 Stunden gearbeitet hat und die Zeit genehmigt ist
    Und der periodische Prozess "Aus Stagingtabelle importieren" erneut ausgeführt wird
    Dann enthält die Tabelle Project Operations-Integrationsjournale der juristischen Person "USPM" 3 Datensätze
    Und die Tabelle Integrationsjournalzeilen der juristischen Person "USPM" enthält 8 Datensätze

  @id:journal-ledger-result @doc:rule.journal-voucher-per-line @doc:rule.journal-ledger-result
  Szenario: Jede Zeile bucht ihren eigenen Beleg; die Rechnung löst die unfertigen Leistungen auf
    Angenommen "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt
    Wenn die nicht fakturierten Umsätze über das Project Operations-Integrationsjournal gebucht sind
    Dann hat jede Integrationsjournalzeile ihre eigene Belegnummer
    Und das Buchen des Integrationsjournals hat diese Belegzeilen erzeugt:
      | Buchungsart                    | Hauptkonto | Betrag    |
      | Projekt - Kosten               | 510100     | 800,00    |
      | Projekt - Lohnzuordnung        | 605100     | -800,00   |
      | Projekt - WIP - Verkaufswert   | 161300     | 1.600,00  |
      | Projekt - aufgelaufener Umsatz | 420200     | -1.600,00 |
    Wenn der Projektmanager den Abrechnungsstau des Vertrags als bereit für die Rechnungsstellung markiert
    Und der Projektmanager eine Proforma-Rechnung für den Vertrag erstellt und bestätigt
    Und der periodische Prozess "Aus Stagingtabelle importieren" ausgeführt wird
    Und der Projektbuchhalter den Projektrechnungsvorschlag bucht
    Dann hat der Beleg der Kundenrechnung diese Zeilen:
      | Buchungsart                    | Hauptkonto | Betrag    |
      | Projekt - aufgelaufener Umsatz | 420200     | 1.600,00  |
      | Projekt - WIP - Verkaufswert   | 161300     | -1.600,00 |
      | Projekt - fakturierter Umsatz  | 411100     | -1.600,00 |
      | Debitorensaldo                 | 130100     | 1.600,00  |

  @id:journal-delete-line @doc:rule.journal-line-delete-reimport
  Szenario: Eine gelöschte Zeile kommt mit dem nächsten Import wieder
    Angenommen "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt
    Wenn der periodische Prozess "Aus Stagingtabelle importieren" ausgeführt wird
    Und der Projektbuchhalter die Zeile der nicht fakturierten Umsätze im Integrationsjournal löscht
    Dann enthält die Tabelle Integrationsjournalzeilen der juristischen Person "USPM" 1 Datensatz
    Und der Istwert für nicht fakturierte Umsätze hat noch keinen Wert im Feld "Belegnummer"
    Wenn der periodische Prozess "Aus Stagingtabelle importieren" erneut ausgeführt wird
    Dann enthält die Tabelle Integrationsjournalzeilen der juristischen Person "USPM" 2 Datensätze

  @id:journal-error-lines @doc:rule.journal-transfer-error-lines @doc:rule.journal-period-not-open @doc:rule.journal-error-not-posted @doc:rule.journal-reset-to-draft
  Szenario: Zeilen in einer geschlossenen Sachkontoperiode kommen in ein neues Journal, das nach dem Zurücksetzen auf Entwurf gebucht wird
    Angenommen "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt
    Und die Sachkontoperiode des laufenden Monats ist "Geschlossen"
    Wenn der periodische Prozess "Aus Stagingtabelle importieren" ausgeführt wird
    Und der Projektbuchhalter das Project Operations-Integrationsjournal bucht
    Dann meldet das Buchungsprotokoll, dass die Sachkontoperiode nicht geöffnet ist
    Und ein neues Journal mit dem Status "Fehler" enthält 2 Zeilen und nennt das gebuchte Journal als ursprüngliches Journal
    Und der Istwert für nicht fakturierte Umsätze hat noch keinen Wert im Feld "Belegnummer"
    Wenn der Projektbuchhalter das Journal mit Buchungsfehlern zu buchen versucht
    Dann wird der Vorgang abgelehnt
    Wenn die Sachkontoperiode des laufenden Monats "Geöffnet" ist
    Und der Projektbuchhalter das Journal mit Buchungsfehlern auf Entwurf zurücksetzt
    Und der Projektbuchhalter das Project Operations-Integrationsjournal bucht
    Dann zeigt der Istwert für nicht fakturierte Umsätze die Buchhaltungsdetails:
      | Buchhaltungswährungsbetrag | 1.600,00 |
      | Wechselkurs                | 1,00     |

  @id:journal-delete-posted @doc:rule.journal-line-delete-posted @convention
  Szenario: Unsere Konvention, da die Seite dazu schweigt: eine gebuchte Zeile kann nicht gelöscht werden
    Angenommen "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt
    Und die nicht fakturierten Umsätze sind über das Project Operations-Integrationsjournal gebucht
    Wenn der Projektbuchhalter die Zeile der nicht fakturierten Umsätze im Integrationsjournal zu löschen versucht
    Dann wird der Vorgang abgelehnt
    Und die Tabelle Integrationsjournalzeilen der juristischen Person "USPM" enthält 2 Datensätze
