# language: de
Funktionalität: Korrektur bestätigter Proforma-Rechnungen
  Eine bestätigte Proforma-Rechnung wird nie geändert. „Überarbeiten“ (früher „Korrigieren Sie diese
  Rechnung“) erstellt eine neue Korrekturrechnung im Entwurf, deren Rechnungszeilendetails die fakturierten mit der
  Menge null übernehmen: Standardmäßig wird die ganze Rechnung gutgeschrieben. Menge und Preis, die der
  Projektmanager stehen lässt, ob weniger oder mehr als zuvor, werden erneut fakturiert; die Differenz
  wird gutgeschrieben oder berechnet. Gutgeschriebene Zeit kehrt in den Abrechnungsstau zurück. Eine
  Transaktion, die keine Korrektur braucht, wird aus der Überarbeitung entfernt. Ein Meilenstein kann
  nur vollständig gutgeschrieben werden und ist danach wieder bereit für die Rechnungsstellung.

  Grundlage:
    Angenommen die juristische Person "USPM" mit der Buchhaltungswährung "USD" und 10 % Umsatzsteuer
    Und der Projektvertrag "ERP-Einführung" für den Debitor "Contoso Ltd."
    Und der Vertrag rechnet Zeit und Material mit 200,00 pro Stunde ab, bei Kosten von 100,00 pro Stunde

  @id:full-credit @doc:rule.correction-new-draft @doc:rule.correction-full-credit
  Szenario: Eine vollständige Gutschrift kehrt die fakturierten Umsätze um und gibt die Zeit in den Abrechnungsstau zurück
    Angenommen "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt und bestätigt
    Wenn der Projektmanager in der Proforma-Rechnung "Überarbeiten" wählt
    Dann hat die Proforma-Rechnung den Projektrechnungsstatus "Entwurf"
    Und der Gesamtbetrag der Proforma-Rechnung beträgt -1.600,00
    Wenn der Projektmanager die Proforma-Rechnung bestätigt
    Dann wurden diese Istwerte erstellt:
      | Transaktionstyp           | Fakturierungstyp | Menge | Betrag    |
      | Fakturierte Umsätze       | Fakturierbar     | -8    | -1.600,00 |
      | Nicht fakturierte Umsätze | Fakturierbar     | 8     | 1.600,00  |
    Und der Abrechnungsstau des Vertrags zeigt 8 Stunden

  @id:partial-credit @doc:rule.correction-partial-credit
  Szenario: Bei einer Teilgutschrift wird die verbleibende Menge erneut fakturiert und der Rest kehrt in den Abrechnungsstau zurück
    Angenommen "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt und bestätigt
    Und der Projektmanager hat in der Proforma-Rechnung "Überarbeiten" gewählt
    Wenn der Projektmanager die Menge des Rechnungszeilendetails auf 6 ändert
    Dann beträgt der Gesamtbetrag der Proforma-Rechnung -400,00
    Wenn der Projektmanager die Proforma-Rechnung bestätigt
    Dann wurden diese Istwerte erstellt:
      | Transaktionstyp           | Fakturierungstyp | Menge | Betrag    |
      | Fakturierte Umsätze       | Fakturierbar     | -8    | -1.600,00 |
      | Nicht fakturierte Umsätze | Fakturierbar     | 6     | 1.200,00  |
      | Nicht fakturierte Umsätze | Fakturierbar     | -6    | -1.200,00 |
      | Fakturierte Umsätze       | Fakturierbar     | 6     | 1.200,00  |
      | Nicht fakturierte Umsätze | Fakturierbar     | 2     | 400,00    |
    Und der Abrechnungsstau des Vertrags zeigt 2 Stunden

  @id:milestone-full-credit @doc:rule.milestone-billed-only @doc:rule.correction-milestone-full
  Szenario: Ein vollständig gutgeschriebener Meilenstein ist wieder bereit für die Rechnungsstellung
    Angenommen der Vertrag hat den Festpreismeilenstein "Go-live" über 5.000,00, bereit für die Rechnungsstellung
    Und der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt und bestätigt
    Dann wurden diese Istwerte erstellt:
      | Transaktionstyp     | Fakturierungstyp | Menge | Betrag   |
      | Fakturierte Umsätze | Fakturierbar     | 1     | 5.000,00 |
    Und der Meilenstein "Go-live" hat den Rechnungsstatus "Kundenrechnung gebucht"
    Wenn der Projektmanager in der Proforma-Rechnung "Überarbeiten" wählt
    Und der Projektmanager die Proforma-Rechnung bestätigt
    Dann hat der Meilenstein "Go-live" den Rechnungsstatus "Bereit für die Rechnungsstellung"
    Und diese Istwerte wurden erstellt:
      | Transaktionstyp     | Fakturierungstyp | Menge | Betrag    |
      | Fakturierte Umsätze | Fakturierbar     | -1    | -5.000,00 |

  @id:milestone-partial-credit @doc:rule.correction-milestone-partial
  Szenario: Ein Meilenstein kann nicht teilweise gutgeschrieben werden
    Angenommen der Vertrag hat den Festpreismeilenstein "Go-live" über 5.000,00, bereit für die Rechnungsstellung
    Und der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt und bestätigt
    Und der Projektmanager hat in der Proforma-Rechnung "Überarbeiten" gewählt
    Wenn der Projektmanager versucht, die Menge des Rechnungszeilendetails auf 0,5 zu ändern
    Dann wird der Vorgang abgelehnt

  @id:correct-draft-refused @doc:rule.correct-only-confirmed
  Szenario: Nur eine bestätigte Rechnung kann korrigiert werden
    Angenommen "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt
    Wenn der Projektmanager versucht, in der Proforma-Rechnung "Überarbeiten" zu wählen
    Dann wird der Vorgang abgelehnt

  @id:refuse-milestone-billing-type @doc:rule.milestone-always-chargeable
  Szenario: Das Rechnungszeilendetail eines Meilensteins bleibt fakturierbar
    Angenommen der Vertrag hat den Festpreismeilenstein "Go-live" über 5.000,00, bereit für die Rechnungsstellung
    Und der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt
    Wenn der Projektmanager versucht, den Fakturierungstyp des Rechnungszeilendetails auf "Nicht fakturierbar" zu setzen
    Dann wird der Vorgang abgelehnt
    Und der Gesamtbetrag der Proforma-Rechnung beträgt 5.000,00
  @id:revise-price-decrease @doc:rule.draft-detail-edit @doc:rule.correction-adjusts-billed
  Szenario: Eine Überarbeitung mit niedrigerem Preis schreibt die Differenz gut, ohne Zeit in den Abrechnungsstau zurückzugeben
    Angenommen "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt und bestätigt
    Und der Projektmanager hat in der Proforma-Rechnung "Überarbeiten" gewählt
    Und der Projektmanager hat die Menge des Rechnungszeilendetails auf 8 geändert
    Wenn der Projektmanager den Preis des Rechnungszeilendetails auf 150,00 ändert
    Dann beträgt der Gesamtbetrag der Proforma-Rechnung -400,00
    Wenn der Projektmanager die Proforma-Rechnung bestätigt
    Dann wurden diese Istwerte erstellt:
      | Transaktionstyp           | Fakturierungstyp | Menge | Betrag    |
      | Fakturierte Umsätze       | Fakturierbar     | -8    | -1.600,00 |
      | Nicht fakturierte Umsätze | Fakturierbar     | 8     | 1.200,00  |
      | Nicht fakturierte Umsätze | Fakturierbar     | -8    | -1.200,00 |
      | Fakturierte Umsätze       | Fakturierbar     | 8     | 1.200,00  |
    Und der Abrechnungsstau des Vertrags zeigt 0 Stunden

  @id:revise-remove-detail @doc:rule.correction-remove-detail @doc:rule.draft-detail-delete
  Szenario: Eine Transaktion, die keine Korrektur braucht, wird aus der überarbeiteten Rechnung entfernt
    Angenommen "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt und bestätigt
    Und der Projektmanager hat in der Proforma-Rechnung "Überarbeiten" gewählt
    Wenn der Projektmanager das Rechnungszeilendetail löscht
    Dann beträgt der Gesamtbetrag der Proforma-Rechnung 0,00
    Wenn der Projektmanager die Proforma-Rechnung bestätigt
    Dann wurden keine Istwerte erstellt
    Und der Abrechnungsstau des Vertrags zeigt 0 Stunden

  @id:draft-delete-detail @doc:rule.draft-detail-delete
  Szenario: Ein aus dem Entwurf gelöschtes Rechnungszeilendetail kehrt in den Abrechnungsstau zurück
    Angenommen "Bob" hat 8 Stunden gearbeitet und die Zeit ist genehmigt und bereit für die Rechnungsstellung
    Und der Projektmanager hat eine Proforma-Rechnung für den Vertrag erstellt
    Wenn der Projektmanager das Rechnungszeilendetail löscht
    Dann beträgt der Gesamtbetrag der Proforma-Rechnung 0,00
    Und der ursprüngliche Istwert für nicht fakturierte Umsätze hat den Abrechnungsstatus "Bereit für die Rechnungsstellung"
    Und der Abrechnungsstau des Vertrags zeigt 8 Stunden
