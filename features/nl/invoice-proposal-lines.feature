# language: nl
Functionaliteit: Voorstelregels voor projectfacturen
  Het periodieke proces „Importeren uit opslagtabel” voegt de regels aan een projectfactuurvoorstel toe
  en leest daarvoor de gefactureerde verkoop uit de tabel „Opslag van werkelijke waarden” (bron:
  Microsoft Learn, pagina's „Integratie van projectfacturen” en „Projectfactuurvoorstellen beheren”). Een voorstel krijgt zijn regels pas wanneer ze allemaal kunnen worden
  geïmporteerd: de niet-gefactureerde verkoop die erop wordt gefactureerd, moet eerst zijn geboekt
  via het Project Operations-integratiejournaal.

  Het projectfactuurvoorstel krijgt de factuur-ID van de pro-formafactuur als nummer. Facturen worden
  niet altijd bevestigd in de volgorde waarin ze zijn gemaakt, dus de nummerreeks voor
  factuurvoorstellen moet gebruikerswijzigingen naar een lager en een hoger nummer toestaan.

  Achtergrond:
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 10% omzetbelasting
    En het projectcontract "ERP-implementatie" voor klant "Contoso Ltd."
    En het contract factureert tijd en materiaal tegen 200,00 per uur, bij een kostprijs van 100,00 per uur

  @id:lines-from-staging @doc:seed.import-creates-lines @doc:seed.import-billed-sales
  Scenario: Importeren uit opslagtabel neemt de gefactureerde verkoop over als voorstelregels
    Stel "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En "Alice" heeft 4 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de niet-gefactureerde verkoop is geboekt via het Project Operations-integratiejournaal
    En de projectmanager heeft een pro-formafactuur voor het contract gemaakt en bevestigd
    Als het periodieke proces "Importeren uit opslagtabel" wordt uitgevoerd
    Dan heeft het projectfactuurvoorstel 2 regels
    En het bedrag van het projectfactuurvoorstel bedraagt 2.400,00

  @id:confirm-before-posting @doc:rule.lines-need-posted-unbilled @doc:seed.import-creates-lines
  Scenario: Bevestigd voordat de niet-gefactureerde verkoop was geboekt, krijgt het voorstel zijn regels bij een latere import
    Stel "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de projectmanager heeft een pro-formafactuur voor het contract gemaakt en bevestigd
    Als het periodieke proces "Importeren uit opslagtabel" wordt uitgevoerd
    Dan heeft het projectfactuurvoorstel nog geen regels
    En het bedrag van het projectfactuurvoorstel bedraagt 0,00
    Als de projectaccountant het Project Operations-integratiejournaal boekt
    En het periodieke proces "Importeren uit opslagtabel" opnieuw wordt uitgevoerd
    Dan heeft het projectfactuurvoorstel 1 regel
    En het bedrag van het projectfactuurvoorstel bedraagt 1.600,00

  @id:import-mismatch-held-back @doc:rule.import-mismatch-held-back
  Scenario: Een gefactureerde verkoop die niet is aangekomen, houdt het projectfactuurvoorstel tegen
    Stel "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de niet-gefactureerde verkoop is geboekt via het Project Operations-integratiejournaal
    En de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" is onderbroken
    En de rechtspersoon heeft geen regeleigenschap "Toerekenbaar"
    En de projectmanager heeft een pro-formafactuur voor het contract gemaakt en bevestigd
    Als de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" wordt hervat en de records in de wachtrij inhaalt
    En het periodieke proces "Importeren uit opslagtabel" wordt uitgevoerd
    Dan heeft het projectfactuurvoorstel nog geen regels
    En Importeren uit opslagtabel meldt voor het projectfactuurvoorstel gefactureerde verkoop die niet overeenkomt met Dataverse
    Als de projectaccountant probeert het projectfactuurvoorstel te boeken
    Dan wordt de bewerking geweigerd
    Als de regeleigenschap "Toerekenbaar" in de rechtspersoon opnieuw wordt ingericht
    En de inhaalfouten van de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" opnieuw worden geprobeerd
    En het periodieke proces "Importeren uit opslagtabel" opnieuw wordt uitgevoerd
    Dan heeft het projectfactuurvoorstel 1 regel
    En het bedrag van het projectfactuurvoorstel bedraagt 1.600,00

  @id:out-of-order-confirmation @doc:rule.number-sequence
  Abstract Scenario: Facturen die in een andere volgorde worden bevestigd, vragen een nummerreeks die lagere nummers toestaat
    Stel de instelling "Gebruikerswijzigingen toestaan: naar een lager nummer" van de nummerreeks voor factuurvoorstellen is "<lager>"
    En "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de projectmanager heeft de pro-formafactuur "april" voor het contract gemaakt
    En "Alice" heeft 4 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de projectmanager heeft de pro-formafactuur "mei" voor het contract gemaakt
    En de projectmanager heeft de pro-formafactuur "mei" bevestigd
    Als de projectmanager probeert de pro-formafactuur "april" te bevestigen
    Dan heeft de pro-formafactuur "april" de status van projectfactuur "<status>"
    En de tabel Projectfactuurvoorstellen bevat <voorstellen>
    En in apps voor financiën en bedrijfsactiviteiten is er een projectfactuurvoorstel met de factuur-ID van "mei" als nummer

    Voorbeelden:
      | lager | status    | voorstellen |
      | Ja    | Bevestigd | 2 records   |
      | Nee   | Concept   | 1 record    |
