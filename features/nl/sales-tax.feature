# language: nl
Functionaliteit: Btw
  Apps voor financiën en bedrijfsactiviteiten berekenen de btw van een projectfactuur wanneer het
  projectfactuurvoorstel wordt geboekt. Elke regel van het voorstel heeft een btw-groep, die hoort bij de
  partij voor wie de factuur is, en een btw-groep voor artikelen, die hoort bij wat er wordt gefactureerd. Op de
  regel zijn de btw-codes van toepassing die in beide groepen voorkomen, elk tegen het tarief dat op de
  factuurdatum geldt. De groepen van de regel komen van de klant en van de projectcategorie; de
  projectaccountant kan ze in het voorstel wijzigen voordat hij het boekt.

  Bronnen: Microsoft Learn, `invoicing/format-update-project-invoice-proposals.md` ("Billing sales tax"),
  `invoicing/correct-project-invoice-proposals.md` ("Adjust sales tax") en de pagina "Btw-overzicht" van de apps
  voor financiën en bedrijfsactiviteiten.

  Achtergrond:
    Gegeven de rechtspersoon "DEMF" met boekhoudvaluta "EUR"
    En de btw-code "VAT19" heeft een tarief van 19%
    En de btw-code "VAT7" heeft een tarief van 7%
    En de btw-groep "DOM" bevat de btw-codes "VAT19, VAT7"
    En de btw-groep voor artikelen "FULL" bevat de btw-code "VAT19"
    En de btw-groep voor artikelen "REDUCED" bevat de btw-code "VAT7"
    En de projectcategorie "Advies" voor uren heeft de btw-groep voor artikelen "FULL"
    En het projectcontract "Magazijnbeheer" voor klant "Fabrikam GmbH"
    En de btw-groep van de klant is "DOM"
    En het contract factureert tijd en materiaal tegen 150,00 per uur, bij een kostprijs van 80,00 per uur

  @id:tax-from-groups @doc:rule.tax-intersection @doc:rule.tax-group-defaults @doc:rule.tax-category-of-type @doc:rule.tax-rounding @convention
  Scenario: Een regel wordt belast met de code die zijn twee groepen gemeen hebben (welke categorie geldt en hoe wordt afgerond, is onze conventie)
    Gegeven "Bob" heeft 7,25 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de niet-gefactureerde verkoop is geboekt via het Project Operations-integratiejournaal
    En de projectmanager maakt een pro-formafactuur voor het contract en bevestigt die
    Als het periodieke proces "Importeren uit opslagtabel" wordt uitgevoerd
    Dan heeft de voorstelregel voor projectfactuur de btw-groep "DOM" en de btw-groep voor artikelen "FULL"
    Als de projectaccountant het projectfactuurvoorstel boekt
    Dan bedraagt het bedrag van het projectfactuurvoorstel 1.087,50
    En het bedrag van omzetbelasting van de klantfactuur bedraagt 206,63
    En de werkelijke waarde voor gefactureerde verkoop toont de boekhoudkundige details:
      | Bedrag van omzetbelasting | 206,63 |

  @id:tax-rate-by-date @doc:rule.tax-value-by-date @convention
  Scenario: Een btw-code rekent met het tarief dat op de factuurdatum geldt (welke datum beslist, is onze conventie)
    Gegeven het tarief van de btw-code "VAT19" is gisteren gewijzigd in 16%
    En "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de niet-gefactureerde verkoop is geboekt via het Project Operations-integratiejournaal
    En de projectmanager maakt een pro-formafactuur voor het contract en bevestigt die
    Als het periodieke proces "Importeren uit opslagtabel" wordt uitgevoerd
    En de projectaccountant het projectfactuurvoorstel boekt
    Dan bedraagt het bedrag van omzetbelasting van de klantfactuur 192,00

  @id:tax-adjust-line @doc:rule.tax-adjust-groups
  Scenario: De projectaccountant wijzigt voor het boeken de btw-groep voor artikelen van een regel
    Gegeven "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de niet-gefactureerde verkoop is geboekt via het Project Operations-integratiejournaal
    En de projectmanager maakt een pro-formafactuur voor het contract en bevestigt die
    En het periodieke proces "Importeren uit opslagtabel" wordt uitgevoerd
    Als de projectaccountant de btw-groep voor artikelen van de voorstelregel voor projectfactuur op "REDUCED" instelt
    En de projectaccountant het projectfactuurvoorstel boekt
    Dan bedraagt het bedrag van omzetbelasting van de klantfactuur 84,00
    En de werkelijke waarde voor gefactureerde verkoop toont de boekhoudkundige details:
      | Bedrag van omzetbelasting | 84,00 |
    Als de projectaccountant probeert de btw-groep voor artikelen van de voorstelregel voor projectfactuur in te stellen op "FULL"
    Dan wordt de bewerking geweigerd

  @id:tax-no-shared-code @doc:rule.tax-intersection
  Scenario: Een regel waarvan de groepen geen btw-code gemeen hebben, heeft geen btw
    Gegeven de btw-groep "EXPORT" bevat de btw-code "VAT7"
    En "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de niet-gefactureerde verkoop is geboekt via het Project Operations-integratiejournaal
    En de projectmanager maakt een pro-formafactuur voor het contract en bevestigt die
    En het periodieke proces "Importeren uit opslagtabel" wordt uitgevoerd
    Als de projectaccountant de btw-groep van de voorstelregel voor projectfactuur op "EXPORT" instelt
    En de projectaccountant het projectfactuurvoorstel boekt
    Dan bedraagt het bedrag van omzetbelasting van de klantfactuur 0,00

  @id:tax-delete-all @doc:rule.tax-delete-all-reimport
  Scenario: Na het verwijderen van alle regels brengt een nieuwe import de regels terug met hun standaardgroepen
    Gegeven "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de niet-gefactureerde verkoop is geboekt via het Project Operations-integratiejournaal
    En de projectmanager maakt een pro-formafactuur voor het contract en bevestigt die
    En het periodieke proces "Importeren uit opslagtabel" wordt uitgevoerd
    En de projectaccountant stelt de btw-groep voor artikelen van de voorstelregel voor projectfactuur in op "REDUCED"
    Als de projectaccountant alle regels van het projectfactuurvoorstel verwijdert
    Dan heeft het projectfactuurvoorstel nog geen regels
    Als het periodieke proces "Importeren uit opslagtabel" opnieuw wordt uitgevoerd
    Dan heeft het projectfactuurvoorstel 1 regel
    En de voorstelregel voor projectfactuur heeft de btw-groep "DOM" en de btw-groep voor artikelen "FULL"
    Als de projectaccountant het projectfactuurvoorstel boekt
    Dan bedraagt het bedrag van omzetbelasting van de klantfactuur 228,00

  @id:tax-total-in-dataverse @doc:rule.tax-invoice-total-dataverse
  Scenario: Het boeken brengt de totale belasting van de factuur naar de pro-formafactuur
    Gegeven de tabeltoewijzing "Project Operations integration invoice proposal export entity (msdyn_customerinvoices)" wordt gestart
    En "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de niet-gefactureerde verkoop is geboekt via het Project Operations-integratiejournaal
    En de projectmanager maakt een pro-formafactuur voor het contract en bevestigt die
    En het periodieke proces "Importeren uit opslagtabel" wordt uitgevoerd
    Als de projectaccountant het projectfactuurvoorstel boekt
    Dan toont de pro-formafactuur een totale belasting van 228,00
