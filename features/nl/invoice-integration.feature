# language: nl
Functionaliteit: Integratie van projectfacturen
  De projectmanager werkt in Microsoft Dataverse de achterstand in facturering af en maakt daar de
  pro-formafactuur voor de klant. Daaruit maakt de klantenadministrateur of de projectaccountant in apps
  voor financiën en bedrijfsactiviteiten de klantgerichte factuur; de gegevens van de pro-formafactuur komen
  daar via twee keer wegschrijven. Zodra die factuur is geboekt, krijgen de werkelijke projectwaarden in
  Dataverse de boekhoudkundige details ervan.

  Met het bevestigen van de pro-formafactuur in Dataverse gaat de koptekst ervan via de tabeltoewijzing
  voor twee keer wegschrijven „Projectfactuurvoorstel V2 (facturen)” over. Uit apps voor financiën en
  bedrijfsactiviteiten gaat niets terug.

  Bron: Microsoft Learn, pagina „Integratie van projectfacturen”.

  Achtergrond:
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 10% omzetbelasting
    En het projectcontract "ERP-implementatie" voor klant "Contoso Ltd."
    En het contract factureert tijd en materiaal tegen 200,00 per uur, bij een kostprijs van 100,00 per uur

  @id:happy-path @doc:seed.pm-backlog-proforma @doc:seed.customer-facing-invoice @doc:seed.details-synchronized @doc:seed.accounting-written-back @doc:rule.actuals-on-approval @doc:rule.writeback-fields
  Scenario: Van goedgekeurde tijd tot de boekhoudkundige details in Dataverse
    Stel "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd
    En de niet-gefactureerde verkoop is geboekt via het Project Operations-integratiejournaal
    Als de projectmanager de achterstand in facturering van het contract als gereed voor facturering markeert
    En de projectmanager een pro-formafactuur voor het contract maakt
    En de projectmanager de pro-formafactuur bevestigt
    En het periodieke proces "Importeren uit opslagtabel" wordt uitgevoerd
    En de projectaccountant het projectfactuurvoorstel boekt
    Dan heeft het projectfactuurvoorstel 1 regel
    En het bedrag van het projectfactuurvoorstel bedraagt 1.600,00
    En de werkelijke waarde voor gefactureerde verkoop toont de boekhoudkundige details:
      | Bedrag in valuta voor boekhouding | 1.600,00 |
      | Wisselkoers                       | 1,00     |
      | Bedrag van omzetbelasting         | 160,00   |
    En het boekstuknummer is het boekstuk van de geboekte klantfactuur

  @id:header-on-confirm @doc:seed.header-on-confirm @doc:seed.one-way
  Scenario: De bevestigde pro-formafactuur wordt een projectfactuurvoorstel
    Stel "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    Als de projectmanager een pro-formafactuur voor het contract maakt
    Dan is er in apps voor financiën en bedrijfsactiviteiten geen projectfactuurvoorstel voor de pro-formafactuur
    Als de projectmanager de pro-formafactuur bevestigt
    Dan heeft de pro-formafactuur de status van projectfactuur "Bevestigd"
    En in apps voor financiën en bedrijfsactiviteiten is er een projectfactuurvoorstel met de factuur-ID als nummer
    En het projectfactuurvoorstel heeft nog geen regels

  @id:one-way-no-write-back @doc:seed.one-way
  Scenario: Wijzigingen in het projectfactuurvoorstel gaan niet terug naar Dataverse
    Stel "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de projectmanager heeft een pro-formafactuur voor het contract gemaakt en bevestigd
    Als de projectaccountant de beschrijving van het projectfactuurvoorstel in "ERP-implementatie, fase 1" wijzigt
    Dan heet de pro-formafactuur in Dataverse nog steeds "ERP-implementatie"
