# language: nl
Functionaliteit: Materiaal en tarieven uit invoerdagboeken door de factuurintegratie
  Naast tijd factureert een project het materiaal dat het team gebruikt en de tarieven die met de klant zijn
  afgesproken. Beide worden in Dataverse vastgelegd in invoerdagboeken: bij het bevestigen van het dagboek wordt
  elke dagboekregel één werkelijke waarde van het transactietype en de transactieklasse van die regel. De
  niet-gefactureerde verkoop gaat daarna dezelfde weg als tijd: de achterstand in facturering, de
  pro-formafactuur, twee keer wegschrijven naar apps voor financiën en bedrijfsactiviteiten, importeren uit de
  opslagtabel, boeken en de boekhoudkundige details terug naar de werkelijke waarden voor gefactureerde verkoop.

  Een tarief heeft geen kosten: op een contractregel voor tijd en materiaal wordt het alleen als verkoop
  vastgelegd. De projectmanager vult de prijzen in op de dagboekregels; de simulator heeft geen prijslijsten
  waaruit standaardprijzen komen.

  Bron: Microsoft Learn, pagina „Invoerdagboeken maken en bevestigen”, en de alleen Engelstalige pagina over de
  verbeterde dagboekregels (sectie over de validatie van bedrijfsregels).

  Achtergrond:
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 10% omzetbelasting
    En het projectcontract "ERP-implementatie" voor klant "Contoso Ltd."
    En het contract factureert tijd en materiaal tegen 200,00 per uur, bij een kostprijs van 100,00 per uur

  @id:material-actuals @doc:rule.journal-line-actuals @doc:rule.journal-line-by-class
  Scenario: Het bevestigen van een invoerdagboek legt één werkelijke waarde per dagboekregel vast
    Gegeven het invoerdagboek "Bouwmateriaal" legt het gebruik van 3 "Kabels" vast tegen eenheidskosten van 10,00 en een eenheidsprijs van 15,50
    Als de projectmanager het invoerdagboek "Bouwmateriaal" bevestigt
    Dan zijn deze werkelijke waarden gemaakt:
      | Transactietype            | Transactieklasse | Hoeveelheid | Bedrag |
      | Kosten                    | Materiaal        | 3           | 30,00  |
      | Niet-gefactureerde verkoop | Materiaal       | 3           | 46,50  |
    En de tabel Transactieverbindingen bevat 0 records

  @id:material-flow @doc:rule.journal-line-actuals @doc:rule.journal-line-by-class
  Scenario: Materiaal van het invoerdagboek tot de boekhoudkundige details in Dataverse
    Gegeven het invoerdagboek "Bouwmateriaal" legt het gebruik van 3 "Kabels" vast tegen eenheidskosten van 10,00 en een eenheidsprijs van 15,50
    En de projectmanager heeft het invoerdagboek "Bouwmateriaal" bevestigd
    En de niet-gefactureerde verkoop is geboekt via het Project Operations-integratiejournaal
    Als de projectmanager de achterstand in facturering van het contract als gereed voor facturering markeert
    En de projectmanager een pro-formafactuur voor het contract maakt
    En de projectmanager de pro-formafactuur bevestigt
    En het periodieke proces "Importeren uit opslagtabel" wordt uitgevoerd
    En de projectaccountant het projectfactuurvoorstel boekt
    Dan heeft het projectfactuurvoorstel deze regels:
      | Transactieklasse | Hoeveelheid | Bedrag |
      | Materiaal        | 3           | 46,50  |
    En de werkelijke waarde voor gefactureerde verkoop toont de boekhoudkundige details:
      | Bedrag in valuta voor boekhouding | 46,50 |
      | Wisselkoers                       | 1,00  |
      | Bedrag van omzetbelasting         | 4,65  |
    En het boekstuknummer is het boekstuk van de geboekte klantfactuur

  @id:fee-flow @doc:rule.journal-line-actuals @doc:rule.journal-line-by-class
  Scenario: Een tarief via de achterstand in facturering tot de geboekte klantfactuur
    Gegeven het invoerdagboek "Tarieven" legt het tarief "Opstartkosten" van 500,00 vast
    En de projectmanager heeft het invoerdagboek "Tarieven" bevestigd
    En de niet-gefactureerde verkoop is geboekt via het Project Operations-integratiejournaal
    Als de projectmanager de achterstand in facturering van het contract als gereed voor facturering markeert
    En de projectmanager een pro-formafactuur voor het contract maakt
    En de projectmanager de pro-formafactuur bevestigt
    En het periodieke proces "Importeren uit opslagtabel" wordt uitgevoerd
    En de projectaccountant het projectfactuurvoorstel boekt
    Dan heeft het projectfactuurvoorstel deze regels:
      | Transactieklasse | Hoeveelheid | Bedrag |
      | Tarief           | 1           | 500,00 |
    En de werkelijke waarde voor gefactureerde verkoop toont de boekhoudkundige details:
      | Bedrag in valuta voor boekhouding | 500,00 |
      | Wisselkoers                       | 1,00   |
      | Bedrag van omzetbelasting         | 50,00  |
    En het boekstuknummer is het boekstuk van de geboekte klantfactuur

  @id:time-material-fee-invoice @doc:rule.journal-line-actuals
  Scenario: Tijd, materiaal en een tarief op één pro-formafactuur en één klantfactuur
    Gegeven "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd
    En het invoerdagboek "Materiaal en tarieven" legt het gebruik van 3 "Kabels" vast tegen eenheidskosten van 10,00 en een eenheidsprijs van 15,50
    En het invoerdagboek "Materiaal en tarieven" legt het tarief "Opstartkosten" van 500,00 vast
    En de projectmanager heeft het invoerdagboek "Materiaal en tarieven" bevestigd
    En de niet-gefactureerde verkoop is geboekt via het Project Operations-integratiejournaal
    Als de projectmanager de achterstand in facturering van het contract als gereed voor facturering markeert
    En de projectmanager een pro-formafactuur voor het contract maakt
    Dan bedraagt het totaal van de pro-formafactuur 2.146,50
    Als de projectmanager de pro-formafactuur bevestigt
    En het periodieke proces "Importeren uit opslagtabel" wordt uitgevoerd
    En de projectaccountant het projectfactuurvoorstel boekt
    Dan heeft het projectfactuurvoorstel deze regels:
      | Transactieklasse | Hoeveelheid | Bedrag   |
      | Tijd             | 8           | 1.600,00 |
      | Materiaal        | 3           | 46,50    |
      | Tarief           | 1           | 500,00   |
    En het bedrag van het projectfactuurvoorstel bedraagt 2.146,50
    En alle werkelijke waarden voor gefactureerde verkoop dragen het boekstuk van de geboekte klantfactuur

  @id:fee-not-cost @doc:rule.journal-fee-sales-only
  Scenario: Een tarief kan niet als kosten worden vastgelegd
    Gegeven het invoerdagboek "Tarieven" legt een kostenregel vast voor het tarief "Opstartkosten" van 500,00
    Als de projectmanager probeert het invoerdagboek "Tarieven" te bevestigen
    Dan wordt de bewerking geweigerd
    En er zijn geen werkelijke waarden gemaakt

  @id:fee-not-included @doc:rule.journal-line-by-class
  Scenario: Een tarief op een project waarvan de contractregel geen tarieven omvat, wordt nooit gefactureerd
    Gegeven de contractregel voor tijd en materiaal omvat geen tarieven
    En het invoerdagboek "Tarieven" legt het tarief "Opstartkosten" van 500,00 vast
    Als de projectmanager het invoerdagboek "Tarieven" bevestigt
    Dan heeft de werkelijke waarde voor niet-gefactureerde verkoop "Opstartkosten" geen contractregelklant en blijft deze buiten de achterstand in facturering

  @id:journal-read-only @doc:rule.journal-confirmed-read-only
  Scenario: Een bevestigd invoerdagboek kan niet worden gewijzigd of opnieuw worden bevestigd
    Gegeven het invoerdagboek "Bouwmateriaal" legt het gebruik van 3 "Kabels" vast tegen eenheidskosten van 10,00 en een eenheidsprijs van 15,50
    En de projectmanager heeft het invoerdagboek "Bouwmateriaal" bevestigd
    Als de projectmanager probeert het aantal van een regel van het invoerdagboek "Bouwmateriaal" te wijzigen in 4
    Dan wordt de bewerking geweigerd
    Als de projectmanager probeert het invoerdagboek "Bouwmateriaal" opnieuw te bevestigen
    Dan wordt de bewerking geweigerd
    En er zijn geen werkelijke waarden gemaakt
