# language: nl
Functionaliteit: Contracten in een andere valuta
  Een projectcontract kan in een andere valuta zijn dan de boekhoudvaluta van zijn rechtspersoon.
  Dataverse houdt de verkoop bij in de valuta van het contract; apps voor financiën en
  bedrijfsactiviteiten gebruiken die als transactievaluta en rekenen de bedragen om naar de
  boekhoudvaluta met de wisselkoersen die in Finance zijn vastgelegd en op de boekingsdatum gelden.
  Het bedrag in valuta voor boekhouding en de wisselkoers gaan terug naar de werkelijke waarden in Dataverse.

  Achtergrond:
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 10% omzetbelasting
    En het projectcontract "Robotlijn Europa" voor klant "Litware Europe" in de valuta "EUR"
    En het contract factureert tijd en materiaal tegen 133,33 per uur, bij een kostprijs van 90,00 per uur

  @id:currency-whole-flow @doc:rule.transaction-currency @doc:rule.rate-at-accounting-date @doc:rule.cost-in-accounting-currency @doc:rule.writeback-fields
  Scenario: Gefactureerd in euro, geboekt in Amerikaanse dollar
    Stel de wisselkoers van "EUR" naar "USD" is 1,085
    En "Bob" heeft 7,5 uur gewerkt en de tijd is goedgekeurd
    Dan is de werkelijke waarde voor kosten in de valuta "USD"
    En de werkelijke waarde voor niet-gefactureerde verkoop is in de valuta "EUR"
    Als de niet-gefactureerde verkoop via het Project Operations-integratiejournaal geboekt is
    Dan toont de werkelijke waarde voor niet-gefactureerde verkoop de boekhoudkundige details:
      | Bedrag in valuta voor boekhouding | 1.084,98 |
      | Wisselkoers                       | 1,085    |
    Als de projectmanager de achterstand in facturering van het contract als gereed voor facturering markeert
    En de projectmanager een pro-formafactuur voor het contract maakt
    Dan is de pro-formafactuur in de valuta "EUR"
    En het totaal van de pro-formafactuur bedraagt 999,98
    Als de projectmanager de pro-formafactuur bevestigt
    Dan is het projectfactuurvoorstel in de valuta "EUR"
    En de werkelijke waarde voor gefactureerde verkoop is in de valuta "EUR"
    En de werkelijke waarde voor gefactureerde verkoop heeft nog geen waarde voor "Boekstuknummer"
    Als het periodieke proces "Importeren uit opslagtabel" wordt uitgevoerd
    En de projectaccountant het projectfactuurvoorstel boekt
    Dan is de klantfactuur in de valuta "EUR"
    En het bedrag van het projectfactuurvoorstel bedraagt 999,98
    En de werkelijke waarde voor gefactureerde verkoop toont de boekhoudkundige details:
      | Bedrag in valuta voor boekhouding | 1.084,98 |
      | Wisselkoers                       | 1,085    |
      | Bedrag van omzetbelasting         | 100,00   |
    En het boekstuknummer is het boekstuk van de geboekte klantfactuur

  @id:currency-missing-rate @doc:rule.import-needs-rate
  Scenario: Zonder wisselkoers blijft de niet-gefactureerde verkoop buiten het journaal tot de koers bestaat
    Stel "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd
    Als het periodieke proces "Importeren uit opslagtabel" wordt uitgevoerd
    Dan meldt het taaklogboek dat er geen wisselkoers van "EUR" naar "USD" is gevonden
    En de tabel Integratiejournaalregels van rechtspersoon "USPM" bevat 1 record
    En de werkelijke waarde voor niet-gefactureerde verkoop heeft nog geen waarde voor "Wisselkoers"
    En de werkelijke waarde voor niet-gefactureerde verkoop heeft nog geen waarde voor "Boekstuknummer"
    Als de wisselkoers van "EUR" naar "USD" 1,085 is
    En het periodieke proces "Importeren uit opslagtabel" opnieuw wordt uitgevoerd
    Dan bevat de tabel Integratiejournaalregels van rechtspersoon "USPM" 2 records
