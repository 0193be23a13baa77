# language: nl
Functionaliteit: Werkelijke waarden bij het bevestigen van een pro-formafactuur
  Met het bevestigen van een factuur in Dataverse ontstaan ook de factureringsrecords ervan in de
  entiteit „Werkelijke waarden”; de tabeltoewijzing voor twee keer wegschrijven „Integratie van
  werkelijke waarden in Project Operations (msdyn_actuals)” brengt ze naar apps voor financiën en
  bedrijfsactiviteiten (bron: Microsoft Learn, pagina's „Integratie van projectfacturen” en over de
  gevolgen voor werkelijke waarden bij tijd en materiaal).

  Bij het bevestigen wordt de niet-gefactureerde verkoop teruggeboekt en wordt gefactureerde verkoop
  gemaakt. De terugboeking wordt niet gesynchroniseerd („Synchronisatie overslaan”): apps voor
  financiën en bedrijfsactiviteiten markeren de niet-gefactureerde verkoop in plaats daarvan als
  volledig gefactureerd. Heeft de projectmanager in het concept een hoeveelheid of het
  factureringstype gewijzigd, dan wordt de oorspronkelijke werkelijke waarde aangepast en vervangen
  door nieuwe werkelijke waarden met de wijziging. Alleen toerekenbare regels tellen mee in het
  factuurtotaal; niet-toerekenbare en gratis regels worden zonder kosten gefactureerd.

  Achtergrond:
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 10% omzetbelasting
    En het projectcontract "ERP-implementatie" voor klant "Contoso Ltd."
    En het contract factureert tijd en materiaal tegen 200,00 per uur, bij een kostprijs van 100,00 per uur
    En "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de projectmanager heeft een pro-formafactuur voor het contract gemaakt

  @id:confirm-unchanged @doc:seed.confirm-creates-actuals @doc:seed.actuals-map @doc:rule.confirm-unchanged @doc:rule.reversal-skip-sync
  Scenario: Bij een ongewijzigde factuur wordt de niet-gefactureerde verkoop teruggeboekt en gefactureerde verkoop gemaakt
    Als de projectmanager de pro-formafactuur bevestigt
    Dan zijn deze werkelijke waarden gemaakt:
      | Transactietype             | Factureringstype | Hoeveelheid | Bedrag    | Synchronisatie overslaan (uitsluitend voor intern gebruik) |
      | Niet-gefactureerde verkoop | Toerekenbaar     | -8          | -1.600,00 | Ja                                                         |
      | Gefactureerde verkoop      | Toerekenbaar     | 8           | 1.600,00  | Nee                                                        |
    En de oorspronkelijke werkelijke waarde voor niet-gefactureerde verkoop heeft de factureringsstatus "Klantfactuur geboekt"
    En de tabel Opslag van werkelijke waarden bevat 3 records

  @id:confirm-quantity-reduced @doc:rule.quantity-reduced
  Scenario: Een verlaagde hoeveelheid wordt gefactureerd, de rest als niet-toerekenbaar
    Stel de projectmanager heeft de hoeveelheid van het factuurregeldetail in 6 gewijzigd
    Als de projectmanager de pro-formafactuur bevestigt
    Dan zijn deze werkelijke waarden gemaakt:
      | Transactietype             | Factureringstype  | Hoeveelheid | Bedrag    | Synchronisatie overslaan (uitsluitend voor intern gebruik) |
      | Niet-gefactureerde verkoop | Toerekenbaar      | -8          | -1.600,00 | Nee                                                        |
      | Niet-gefactureerde verkoop | Toerekenbaar      | 6           | 1.200,00  | Nee                                                        |
      | Niet-gefactureerde verkoop | Toerekenbaar      | -6          | -1.200,00 | Ja                                                         |
      | Gefactureerde verkoop      | Toerekenbaar      | 6           | 1.200,00  | Nee                                                        |
      | Niet-gefactureerde verkoop | Niet-toerekenbaar | 2           | 400,00    | Nee                                                        |
      | Niet-gefactureerde verkoop | Niet-toerekenbaar | -2          | -400,00   | Ja                                                         |
      | Gefactureerde verkoop      | Niet-toerekenbaar | 2           | 400,00    | Nee                                                        |
    En de oorspronkelijke werkelijke waarde voor niet-gefactureerde verkoop heeft de aanpassingsstatus "Aangepast"
    En het totaal van de pro-formafactuur bedraagt 1.200,00

  @id:confirm-quantity-increased @doc:rule.quantity-increased
  Scenario: Een verhoogde hoeveelheid vervangt de oorspronkelijke niet-gefactureerde verkoop
    Stel de projectmanager heeft de hoeveelheid van het factuurregeldetail in 10 gewijzigd
    Als de projectmanager de pro-formafactuur bevestigt
    Dan zijn deze werkelijke waarden gemaakt:
      | Transactietype             | Factureringstype | Hoeveelheid | Bedrag    | Synchronisatie overslaan (uitsluitend voor intern gebruik) |
      | Niet-gefactureerde verkoop | Toerekenbaar     | -8          | -1.600,00 | Nee                                                        |
      | Niet-gefactureerde verkoop | Toerekenbaar     | 10          | 2.000,00  | Nee                                                        |
      | Niet-gefactureerde verkoop | Toerekenbaar     | -10         | -2.000,00 | Ja                                                         |
      | Gefactureerde verkoop      | Toerekenbaar     | 10          | 2.000,00  | Nee                                                        |
    En de oorspronkelijke werkelijke waarde voor niet-gefactureerde verkoop heeft de aanpassingsstatus "Aangepast"
    En het totaal van de pro-formafactuur bedraagt 2.000,00

  @id:confirm-billing-type @doc:rule.billing-type-total
  Abstract Scenario: Niet-toerekenbare en gratis tijd wordt gefactureerd maar niet in rekening gebracht
    Stel de projectmanager heeft het factureringstype van het factuurregeldetail op "<factureringstype>" gezet
    Als de projectmanager de pro-formafactuur bevestigt
    Dan zijn deze werkelijke waarden gemaakt:
      | Transactietype             | Factureringstype   | Hoeveelheid | Bedrag    |
      | Niet-gefactureerde verkoop | Toerekenbaar       | -8          | -1.600,00 |
      | Niet-gefactureerde verkoop | <factureringstype> | 8           | 1.600,00  |
      | Niet-gefactureerde verkoop | <factureringstype> | -8          | -1.600,00 |
      | Gefactureerde verkoop      | <factureringstype> | 8           | 1.600,00  |
    En het totaal van de pro-formafactuur bedraagt <totaal>

    Voorbeelden:
      | factureringstype  | totaal |
      | Niet-toerekenbaar | 0,00   |
      | Gratis            | 0,00   |
