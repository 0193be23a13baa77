# language: nl
Functionaliteit: Statussen van de pro-formafactuur
  De projectmanager kan een pro-formafactuur laten wisselen tussen Concept en Wordt geëvalueerd; in
  beide statussen blijft ze bewerkbaar. Pas na het bevestigen kan de factuur de status Betaald
  krijgen (`proforma-invoicing/manage-proforma-invoice.md`, "Invoice header"). Als de exporttoewijzing
  van de uitgebreide pro-formafactuur actief is, wordt de pro-formafactuur bij het boeken van het
  projectfactuurvoorstel in apps voor financiën en bedrijfsactiviteiten op Geboekt gezet en toont ze
  het nummer en de datum van de klantfactuur (`invoicing/format-update-project-invoice-proposals.md`).
  Conventies: de status Betaald zet ook de status van projectfactuur op Factuur betaald, en de waarde
  van Geboekt is van ons (geen bron noemt die).

  Achtergrond:
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 10% omzetbelasting
    En het projectcontract "ERP-implementatie" voor klant "Contoso Ltd."
    En het contract factureert tijd en materiaal tegen 200,00 per uur, bij een kostprijs van 100,00 per uur

  @id:draft-in-review @doc:rule.invoice-in-review
  Scenario: Een concept gaat naar Wordt geëvalueerd en terug, en wordt vanuit Wordt geëvalueerd bevestigd
    Stel "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de projectmanager heeft een pro-formafactuur voor het contract gemaakt
    Als de projectmanager de status van projectfactuur op "Wordt geëvalueerd" zet
    Dan heeft de pro-formafactuur de status van projectfactuur "Wordt geëvalueerd"
    Als de projectmanager de status van projectfactuur op "Concept" zet
    Dan heeft de pro-formafactuur de status van projectfactuur "Concept"
    Als de projectmanager de status van projectfactuur op "Wordt geëvalueerd" zet
    En de projectmanager de pro-formafactuur bevestigt
    Dan heeft de pro-formafactuur de status van projectfactuur "Bevestigd"
    Als de projectmanager probeert de status van projectfactuur op "Wordt geëvalueerd" te zetten
    Dan wordt de bewerking geweigerd

  @id:paid-after-confirmation @doc:rule.paid-after-confirmation @doc:rule.paid-sets-invoice-paid @convention
  Scenario: Alleen een bevestigde pro-formafactuur kan op Betaald worden gezet (en krijgt volgens onze conventie „Factuur betaald”)
    Stel "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de projectmanager heeft een pro-formafactuur voor het contract gemaakt
    Als de projectmanager probeert de status van de pro-formafactuur op Betaald te zetten
    Dan wordt de bewerking geweigerd
    Als de projectmanager de pro-formafactuur bevestigt
    En de projectmanager de status van de pro-formafactuur op Betaald zet
    Dan heeft de pro-formafactuur de status van projectfactuur "Factuur betaald"

  @id:enhanced-proforma-posted @doc:rule.enhanced-proforma-export @doc:rule.posted-status-value @convention
  Scenario: Boeken brengt de klantfactuur en de status Geboekt terug naar de pro-formafactuur (de waarde van Geboekt is onze conventie)
    Stel de tabeltoewijzing "Project Operations integration invoice proposal export entity (msdyn_customerinvoices)" wordt gestart
    En "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de niet-gefactureerde verkoop is geboekt via het Project Operations-integratiejournaal
    En de projectmanager heeft een pro-formafactuur voor het contract gemaakt en bevestigd
    Als het periodieke proces "Importeren uit opslagtabel" wordt uitgevoerd
    Dan heeft de pro-formafactuur de status van projectfactuur "Bevestigd"
    Als de projectaccountant het projectfactuurvoorstel boekt
    Dan heeft de pro-formafactuur de status van projectfactuur "Geboekt"
    En de pro-formafactuur toont het nummer en de datum van de geboekte klantfactuur

  @id:closed-canceled-unsupported @doc:rule.invoice-state-unsupported
  Scenario: Een pro-formafactuur kan niet worden gesloten of geannuleerd
    Stel "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de projectmanager heeft een pro-formafactuur voor het contract gemaakt en bevestigd
    Als de projectmanager probeert de status van de pro-formafactuur op Gesloten te zetten
    Dan wordt de bewerking geweigerd
    Als de projectmanager probeert de status van de pro-formafactuur op Geannuleerd te zetten
    Dan wordt de bewerking geweigerd
    En de pro-formafactuur heeft de status van projectfactuur "Bevestigd"
