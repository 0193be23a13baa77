# language: nl
Functionaliteit: Rechtspersonen blijven gescheiden
  Elke rechtspersoon is een eigen grens. Projectcontracten, facturen en werkelijke waarden in
  Dataverse horen bij een rechtspersoon, en twee keer wegschrijven schrijft ze in die rechtspersoon in apps
  voor financiën en bedrijfsactiviteiten: elke rechtspersoon ziet alleen haar eigen
  projectfactuurvoorstellen en werkelijke waarden.

  Achtergrond:
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 10% omzetbelasting
    En het projectcontract "ERP-implementatie" voor klant "Contoso Ltd."
    En het contract factureert tijd en materiaal tegen 200,00 per uur, bij een kostprijs van 100,00 per uur

  @id:two-legal-entities @doc:rule.legal-entity-boundary
  Scenario: Elk projectfactuurvoorstel komt terecht in de rechtspersoon van zijn contract
    Stel "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de projectmanager heeft de pro-formafactuur "US" voor het contract gemaakt
    En de rechtspersoon "GBSI" met boekhoudvaluta "GBP" en 20% omzetbelasting
    En het projectcontract "Datamigratie" voor klant "Fabrikam Ltd."
    En het contract factureert tijd en materiaal tegen 150,00 per uur, bij een kostprijs van 80,00 per uur
    En "Alice" heeft 4 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de projectmanager heeft de pro-formafactuur "GB" voor het contract gemaakt
    Als de projectmanager de pro-formafactuur "US" bevestigt
    En de projectmanager de pro-formafactuur "GB" bevestigt
    Dan hoort het projectfactuurvoorstel van "US" bij rechtspersoon "USPM"
    En het projectfactuurvoorstel van "GB" hoort bij rechtspersoon "GBSI"
    En de tabel Projectfactuurvoorstellen van rechtspersoon "USPM" bevat 1 record
    En de tabel Projectfactuurvoorstellen van rechtspersoon "GBSI" bevat 1 record
    En de tabel Opslag van werkelijke waarden van rechtspersoon "GBSI" bevat 3 records

  @id:company-read-only @doc:rule.company-read-only
  Scenario: Het bedrijf van een opgeslagen projectcontract kan niet worden gewijzigd
    Stel de rechtspersoon "GBSI" met boekhoudvaluta "GBP" en 20% omzetbelasting
    Als de projectmanager probeert het bedrijf van het projectcontract in "GBSI" te wijzigen
    Dan wordt de bewerking geweigerd
    En het projectcontract hoort bij het bedrijf "USPM"
