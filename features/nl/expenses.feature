# language: nl
Functionaliteit: Onkosten, geprijsd per onkostencategorie, door de hele integratie
  Consultants maken voor de klant onkosten: vluchten, kilometers, hotels. Het goedkeuren van onkosten
  maakt werkelijke kosten ter hoogte van het bedrag van de onkostenboeking en, op een contractregel voor
  tijd en materiaal die onkosten omvat, een werkelijke waarde voor niet-gefactureerde verkoop van de
  transactieklasse Onkosten. De prijs daarvan komt uit de categorieprijs van de onkostencategorie in de
  verkoopprijslijst van het contract: prijs per eenheid, tegen kostprijs of opslag op kosten. Daarna gaan
  de onkosten dezelfde weg als tijd: integratiejournaal, achterstand in facturering, pro-formafactuur,
  projectfactuurvoorstel en geboekte klantfactuur.

  Bronnen: Microsoft Learn, de pagina's over kosten- en verkooptarieven voor onkosten, over prijs nul bij
  werkelijke waarden van onkosten (kosten en verkoop), over het bevestigen van een pro-formafactuur en het
  overzicht van de werkelijke waarden.

  Achtergrond:
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 10% omzetbelasting
    En het projectcontract "ERP-implementatie" voor klant "Contoso Ltd."
    En het contract factureert tijd en materiaal tegen 200,00 per uur, bij een kostprijs van 100,00 per uur
    En de verkoopprijslijst van het contract heeft deze categorieprijzen:
      | Vlucht    | Opslag op kosten |      | 10 |
      | Kilometer | Prijs per eenheid | 0,50 |    |
      | Hotel     | Tegen kostprijs  |      |    |

  @id:expense-markup @doc:rule.expense-markup-over-cost @doc:rule.expense-cost-from-entry
  Scenario: Een vlucht wordt gefactureerd tegen de kosten plus de opslag van haar categorie
    Als "Bob" goedgekeurde onkosten van 400,00 in de onkostencategorie "Vlucht" heeft
    Dan zijn de werkelijke waarden van de onkosten:
      | Transactietype             | Transactieklasse | Hoeveelheid | Prijs  | Bedrag |
      | Kosten                     | Onkosten         | 1           | 400,00 | 400,00 |
      | Niet-gefactureerde verkoop | Onkosten         | 1           | 440,00 | 440,00 |

  @id:expense-per-unit @doc:rule.expense-price-per-unit @doc:rule.expense-quantity @convention
  Scenario: Kilometers worden gefactureerd tegen de prijs per eenheid van hun categorie (de hoeveelheid van onkosten is onze conventie)
    Als "Bob" goedgekeurde onkosten van 54,00 voor 120 eenheden in de onkostencategorie "Kilometer" heeft
    Dan zijn de werkelijke waarden van de onkosten:
      | Transactietype             | Hoeveelheid | Prijs | Bedrag |
      | Kosten                     | 120         | 0,45  | 54,00  |
      | Niet-gefactureerde verkoop | 120         | 0,50  | 60,00  |

  @id:expense-at-cost @doc:rule.expense-at-cost @doc:rule.category-price-currency
  Scenario: Een hotel wordt tegen kostprijs gefactureerd, in de valuta van de prijslijst
    Als "Bob" goedgekeurde onkosten van 189,90 in de onkostencategorie "Hotel" heeft
    Dan zijn de werkelijke waarden van de onkosten:
      | Transactietype             | Hoeveelheid | Prijs  | Bedrag |
      | Kosten                     | 1           | 189,90 | 189,90 |
      | Niet-gefactureerde verkoop | 1           | 189,90 | 189,90 |
    En de categorieprijzen zijn in de valuta "USD"

  @id:expense-no-category-price @doc:rule.expense-no-category-price-zero
  Scenario: Een onkostencategorie zonder categorieprijs krijgt verkoopprijs nul
    Als "Bob" goedgekeurde onkosten van 35,00 in de onkostencategorie "Maaltijden" heeft
    Dan zijn de werkelijke waarden van de onkosten:
      | Transactietype             | Hoeveelheid | Prijs | Bedrag |
      | Kosten                     | 1           | 35,00 | 35,00  |
      | Niet-gefactureerde verkoop | 1           | 0,00  | 0,00   |

  @id:expense-price-list-dates @doc:rule.expense-price-list-by-date
  Scenario: Een verkoopprijslijst die op de onkostendatum niet geldt, levert geen prijs
    Gegeven de verkoopprijslijst van het contract geldt van "2025-01-01" tot en met "2025-12-31"
    Als "Bob" goedgekeurde onkosten van 400,00 in de onkostencategorie "Vlucht" heeft
    Dan zijn de werkelijke waarden van de onkosten:
      | Transactietype             | Hoeveelheid | Prijs  | Bedrag |
      | Kosten                     | 1           | 400,00 | 400,00 |
      | Niet-gefactureerde verkoop | 1           | 0,00   | 0,00   |

  @id:expense-line-excludes @doc:rule.contract-line-includes-class
  Scenario: Op een contractregel zonder onkosten hebben onkosten alleen werkelijke kosten
    Gegeven de contractregel omvat geen onkosten
    Als "Bob" goedgekeurde onkosten van 400,00 in de onkostencategorie "Vlucht" heeft
    Dan zijn de werkelijke waarden van de onkosten:
      | Transactietype | Hoeveelheid | Bedrag |
      | Kosten         | 1           | 400,00 |

  @id:expense-conventions @doc:rule.include-class-unset @doc:rule.contract-price-list-header @convention
  Scenario: Onze conventie: een contractregel zonder ingestelde waarde voor onkosten neemt onkosten op, geprijsd volgens de prijslijst in de contractkop
    Als "Bob" goedgekeurde onkosten van 400,00 in de onkostencategorie "Vlucht" heeft
    Dan zijn de werkelijke waarden van de onkosten:
      | Transactietype             | Factureringsstatus                | Bedrag |
      | Kosten                     |                                   | 400,00 |
      | Niet-gefactureerde verkoop | Niet-gefactureerde verkoop gemaakt | 440,00 |

  @id:expense-with-time @doc:rule.actuals-on-approval @doc:rule.expense-markup-over-cost
  Scenario: Tijd en onkosten op één factuur, van goedkeuring tot de boekhoudkundige details
    Stel "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd
    En "Bob" heeft goedgekeurde onkosten van 400,00 in de onkostencategorie "Vlucht"
    En de niet-gefactureerde verkoop is geboekt via het Project Operations-integratiejournaal
    Als de projectmanager de achterstand in facturering van het contract als gereed voor facturering markeert
    En de projectmanager een pro-formafactuur voor het contract maakt
    Dan bedraagt het totaal van de pro-formafactuur 2.040,00
    Als de projectmanager de pro-formafactuur bevestigt
    Dan zijn de werkelijke waarden van de onkosten:
      | Transactietype             | Hoeveelheid | Bedrag  | Factureringsstatus |
      | Kosten                     | 1           | 400,00  |                    |
      | Niet-gefactureerde verkoop | 1           | 440,00  | Klantfactuur geboekt |
      | Niet-gefactureerde verkoop | -1          | -440,00 | Klantfactuur geboekt |
      | Gefactureerde verkoop      | 1           | 440,00  |                    |
    En de werkelijke waarde voor gefactureerde verkoop van de onkosten heeft nog geen waarde voor "Boekstuknummer"
    Als het periodieke proces "Importeren uit opslagtabel" wordt uitgevoerd
    En de projectaccountant het projectfactuurvoorstel boekt
    Dan heeft het projectfactuurvoorstel 2 regels
    En het projectfactuurvoorstel heeft een onkostenregel van 440,00
    En het bedrag van het projectfactuurvoorstel bedraagt 2.040,00
    En het boekstuknummer van de werkelijke waarde voor gefactureerde verkoop van de onkosten is het boekstuk van de geboekte klantfactuur
