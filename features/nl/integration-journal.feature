# language: nl
Functionaliteit: Het Project Operations-integratiejournaal
  Goedgekeurd werk komt als werkelijke waarden in de apps voor financiën en bedrijfsactiviteiten. Het periodieke
  proces "Importeren uit opslagtabel" maakt van elke werkelijke waarde voor kosten en voor niet-gefactureerde verkoop
  een regel in het Project Operations-integratiejournaal. Daar controleert de projectaccountant de regels voordat ze
  in het projectsubgrootboek en het grootboek worden geboekt. De periode-eenheid in de parameters voor projectbeheer
  en -boekhouding bepaalt hoe de regels over journaals worden verdeeld; elke regel heeft een eigen boekstuk. Regels
  die niet kunnen worden geboekt, gaan naar een nieuw journaal met de status "Fout".

  Bron: Microsoft Learn, pagina over het integratiejournaal in Project Operations; de boekstukregels volgen het
  voorbeeldscenario van de pagina over het beheren van projectfactuurvoorstellen.

  Achtergrond:
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 0% omzetbelasting
    En het projectcontract "ERP-implementatie" voor klant "Contoso Ltd."
    En het contract factureert tijd en materiaal tegen 200,00 per uur, bij een kostprijs van 100,00 per uur

  @id:journal-period-unit @doc:rule.journal-period-unit
  Scenario: Standaard één journaal per dag, met de periode-eenheid "Maanden" één voor de hele maand
    Stel "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd
    En de klok van de simulator gaat 1 dag vooruit
    En "Bob" heeft 4 uur gewerkt en de tijd is goedgekeurd
    Als het periodieke proces "Importeren uit opslagtabel" wordt uitgevoerd
    Dan bevat de tabel Project Operations-integratiejournaals van rechtspersoon "USPM" 2 records
    En de tabel Integratiejournaalregels van rechtspersoon "USPM" bevat 4 records
    Als de periode-eenheid van het Project Operations-integratiejournaal "Maanden" is
    En de klok van de simulator 1 dag vooruitgaat
    En "Bob" 2 uur gewerkt heeft en de tijd goedgekeurd is
    En de klok van de simulator 1 dag vooruitgaat
    En "Bob" 3 uur gewerkt heeft en de tijd goedgekeurd is
    En het periodieke proces "Importeren uit opslagtabel" opnieuw wordt uitgevoerd
    Dan bevat de tabel Project Operations-integratiejournaals van rechtspersoon "USPM" 3 records
    En de tabel Integratiejournaalregels van rechtspersoon "USPM" bevat 8 records

  @id:journal-ledger-result @doc:rule.journal-voucher-per-line @doc:rule.journal-ledger-result
  Scenario: Elke regel boekt een eigen boekstuk; de factuur ruimt het onderhanden werk op
    Stel "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd
    Als de niet-gefactureerde verkoop via het Project Operations-integratiejournaal geboekt is
    Dan heeft elke integratiejournaalregel een eigen boekstuknummer
    En het boeken van het integratiejournaal heeft deze boekstukregels opgeleverd:
      | Boekingstype                  | Hoofdrekening | Bedrag    |
      | Project - kosten              | 510100        | 800,00    |
      | Project - salaristoewijzing   | 605100        | -800,00   |
      | Project - OHW - verkoopwaarde | 161300        | 1.600,00  |
      | Project - toegerekende omzet  | 420200        | -1.600,00 |
    Als de projectmanager de achterstand in facturering van het contract als gereed voor facturering markeert
    En de projectmanager een pro-formafactuur voor het contract maakt en bevestigt
    En het periodieke proces "Importeren uit opslagtabel" wordt uitgevoerd
    En de projectaccountant het projectfactuurvoorstel boekt
    Dan heeft het boekstuk van de klantfactuur deze regels:
      | Boekingstype                  | Hoofdrekening | Bedrag    |
      | Project - toegerekende omzet  | 420200        | 1.600,00  |
      | Project - OHW - verkoopwaarde | 161300        | -1.600,00 |
      | Project - gefactureerde omzet | 411100        | -1.600,00 |
      | Klantsaldo                    | 130100        | 1.600,00  |

  @id:journal-delete-line @doc:rule.journal-line-delete-reimport
  Scenario: Een verwijderde regel komt terug met de volgende import
    Stel "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd
    Als het periodieke proces "Importeren uit opslagtabel" wordt uitgevoerd
    En de projectaccountant de regel van de niet-gefactureerde verkoop uit het integratiejournaal verwijdert
    Dan bevat de tabel Integratiejournaalregels van rechtspersoon "USPM" 1 record
    En de werkelijke waarde voor niet-gefactureerde verkoop heeft nog geen waarde voor "Boekstuknummer"
    Als het periodieke proces "Importeren uit opslagtabel" opnieuw wordt uitgevoerd
    Dan bevat de tabel Integratiejournaalregels van rechtspersoon "USPM" 2 records

  @id:journal-error-lines @doc:rule.journal-transfer-error-lines @doc:rule.journal-period-not-open @doc:rule.journal-error-not-posted @doc:rule.journal-reset-to-draft
  Scenario: Regels in een gesloten grootboekperiode gaan naar een nieuw journaal, dat na terugzetten naar concept wordt geboekt
    Stel "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd
    En de grootboekperiode van de huidige maand is "Gesloten"
    Als het periodieke proces "Importeren uit opslagtabel" wordt uitgevoerd
    En de projectaccountant het Project Operations-integratiejournaal boekt
    Dan meldt het boekingslogboek dat de grootboekperiode niet open is
    En een nieuw journaal met de status "Fout" bevat 2 regels en noemt het geboekte journaal als oorspronkelijk journaal
    En de werkelijke waarde voor niet-gefactureerde verkoop heeft nog geen waarde voor "Boekstuknummer"
    Als de projectaccountant het journaal met boekingsfouten probeert te boeken
    Dan wordt de bewerking geweigerd
    Als de grootboekperiode van de huidige maand "Open" is
    En de projectaccountant het journaal met boekingsfouten terugzet naar concept
    En de projectaccountant het Project Operations-integratiejournaal boekt
    Dan toont de werkelijke waarde voor niet-gefactureerde verkoop de boekhoudkundige details:
      | Bedrag in valuta voor boekhouding | 1.600,00 |
      | Wisselkoers                       | 1,00     |

  @id:journal-delete-posted @doc:rule.journal-line-delete-posted @convention
  Scenario: Onze conventie, omdat de pagina erover zwijgt: een geboekte regel kan niet worden verwijderd
    Stel "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd
    En de niet-gefactureerde verkoop is geboekt via het Project Operations-integratiejournaal
    Als de projectaccountant de regel van de niet-gefactureerde verkoop uit het integratiejournaal probeert te verwijderen
    Dan wordt de bewerking geweigerd
    En de tabel Integratiejournaalregels van rechtspersoon "USPM" bevat 2 records
