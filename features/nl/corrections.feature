# language: nl
Functionaliteit: Correctie van bevestigde pro-formafacturen
  Een bevestigde pro-formafactuur wordt nooit gewijzigd. „Herzien” (voorheen „Deze factuur
  corrigeren”) maakt een nieuwe correctiefactuur als concept, waarvan de factuurregeldetails de gefactureerde overnemen met een
  hoeveelheid van nul: standaard wordt de hele factuur gecrediteerd. De hoeveelheid en prijs die de
  projectmanager laat staan, lager of hoger dan eerst, worden opnieuw gefactureerd; het verschil wordt
  gecrediteerd of in rekening gebracht. Gecrediteerde tijd gaat terug naar de achterstand in
  facturering. Een transactie die geen correctie nodig heeft, wordt uit de herziening verwijderd. Een
  mijlpaal kan alleen volledig worden gecrediteerd en is daarna weer gereed voor facturering.

  Achtergrond:
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 10% omzetbelasting
    En het projectcontract "ERP-implementatie" voor klant "Contoso Ltd."
    En het contract factureert tijd en materiaal tegen 200,00 per uur, bij een kostprijs van 100,00 per uur

  @id:full-credit @doc:rule.correction-new-draft @doc:rule.correction-full-credit
  Scenario: Een volledige creditering boekt de gefactureerde verkoop terug en zet de tijd terug in de achterstand
    Stel "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de projectmanager heeft een pro-formafactuur voor het contract gemaakt en bevestigd
    Als de projectmanager op de pro-formafactuur "Herzien" kiest
    Dan heeft de pro-formafactuur de status van projectfactuur "Concept"
    En het totaal van de pro-formafactuur bedraagt -1.600,00
    Als de projectmanager de pro-formafactuur bevestigt
    Dan zijn deze werkelijke waarden gemaakt:
      | Transactietype             | Factureringstype | Hoeveelheid | Bedrag    |
      | Gefactureerde verkoop      | Toerekenbaar     | -8          | -1.600,00 |
      | Niet-gefactureerde verkoop | Toerekenbaar     | 8           | 1.600,00  |
    En de achterstand in facturering van het contract toont 8 uur

  @id:partial-credit @doc:rule.correction-partial-credit
  Scenario: Bij een gedeeltelijke creditering wordt de resterende hoeveelheid opnieuw gefactureerd en gaat de rest terug naar de achterstand
    Stel "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de projectmanager heeft een pro-formafactuur voor het contract gemaakt en bevestigd
    En de projectmanager heeft op de pro-formafactuur "Herzien" gekozen
    Als de projectmanager de hoeveelheid van het factuurregeldetail in 6 wijzigt
    Dan bedraagt het totaal van de pro-formafactuur -400,00
    Als de projectmanager de pro-formafactuur bevestigt
    Dan zijn deze werkelijke waarden gemaakt:
      | Transactietype             | Factureringstype | Hoeveelheid | Bedrag    |
      | Gefactureerde verkoop      | Toerekenbaar     | -8          | -1.600,00 |
      | Niet-gefactureerde verkoop | Toerekenbaar     | 6           | 1.200,00  |
      | Niet-gefactureerde verkoop | Toerekenbaar     | -6          | -1.200,00 |
      | Gefactureerde verkoop      | Toerekenbaar     | 6           | 1.200,00  |
      | Niet-gefactureerde verkoop | Toerekenbaar     | 2           | 400,00    |
    En de achterstand in facturering van het contract toont 2 uur

  @id:milestone-full-credit @doc:rule.milestone-billed-only @doc:rule.correction-milestone-full
  Scenario: Een volledig gecrediteerde mijlpaal is weer gereed voor facturering
    Stel het contract heeft de mijlpaal voor vaste prijs "Go-live" van 5.000,00, gereed voor facturering
    En de projectmanager heeft een pro-formafactuur voor het contract gemaakt en bevestigd
    Dan zijn deze werkelijke waarden gemaakt:
      | Transactietype        | Factureringstype | Hoeveelheid | Bedrag   |
      | Gefactureerde verkoop | Toerekenbaar     | 1           | 5.000,00 |
    En de mijlpaal "Go-live" heeft de factuurstatus "Klantfactuur geboekt"
    Als de projectmanager op de pro-formafactuur "Herzien" kiest
    En de projectmanager de pro-formafactuur bevestigt
    Dan heeft de mijlpaal "Go-live" de factuurstatus "Gereed voor facturering"
    En deze werkelijke waarden zijn gemaakt:
      | Transactietype        | Factureringstype | Hoeveelheid | Bedrag    |
      | Gefactureerde verkoop | Toerekenbaar     | -1          | -5.000,00 |

  @id:milestone-partial-credit @doc:rule.correction-milestone-partial
  Scenario: Een mijlpaal kan niet gedeeltelijk worden gecrediteerd
    Stel het contract heeft de mijlpaal voor vaste prijs "Go-live" van 5.000,00, gereed voor facturering
    En de projectmanager heeft een pro-formafactuur voor het contract gemaakt en bevestigd
    En de projectmanager heeft op de pro-formafactuur "Herzien" gekozen
    Als de projectmanager probeert de hoeveelheid van het factuurregeldetail in 0,5 te wijzigen
    Dan wordt de bewerking geweigerd

  @id:correct-draft-refused @doc:rule.correct-only-confirmed
  Scenario: Alleen een bevestigde factuur kan worden gecorrigeerd
    Stel "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de projectmanager heeft een pro-formafactuur voor het contract gemaakt
    Als de projectmanager probeert op de pro-formafactuur "Herzien" te kiezen
    Dan wordt de bewerking geweigerd

  @id:refuse-milestone-billing-type @doc:rule.milestone-always-chargeable
  Scenario: Het factuurregeldetail van een mijlpaal blijft toerekenbaar
    Stel het contract heeft de mijlpaal voor vaste prijs "Go-live" van 5.000,00, gereed voor facturering
    En de projectmanager heeft een pro-formafactuur voor het contract gemaakt
    Als de projectmanager probeert het factureringstype van het factuurregeldetail op "Niet-toerekenbaar" te zetten
    Dan wordt de bewerking geweigerd
    En het totaal van de pro-formafactuur bedraagt 5.000,00
  @id:revise-price-decrease @doc:rule.draft-detail-edit @doc:rule.correction-adjusts-billed
  Scenario: Een herziening met een lagere prijs crediteert het verschil zonder tijd terug te zetten in de achterstand
    Stel "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de projectmanager heeft een pro-formafactuur voor het contract gemaakt en bevestigd
    En de projectmanager heeft op de pro-formafactuur "Herzien" gekozen
    En de projectmanager heeft de hoeveelheid van het factuurregeldetail in 8 gewijzigd
    Als de projectmanager de prijs van het factuurregeldetail in 150,00 wijzigt
    Dan bedraagt het totaal van de pro-formafactuur -400,00
    Als de projectmanager de pro-formafactuur bevestigt
    Dan zijn deze werkelijke waarden gemaakt:
      | Transactietype             | Factureringstype | Hoeveelheid | Bedrag    |
      | Gefactureerde verkoop      | Toerekenbaar     | -8          | -1.600,00 |
      | Niet-gefactureerde verkoop | Toerekenbaar     | 8           | 1.200,00  |
      | Niet-gefactureerde verkoop | Toerekenbaar     | -8          | -1.200,00 |
      | Gefactureerde verkoop      | Toerekenbaar     | 8           | 1.200,00  |
    En de achterstand in facturering van het contract toont 0 uur

  @id:revise-remove-detail @doc:rule.correction-remove-detail @doc:rule.draft-detail-delete
  Scenario: Een transactie die geen correctie nodig heeft, wordt van de herziene factuur verwijderd
    Stel "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de projectmanager heeft een pro-formafactuur voor het contract gemaakt en bevestigd
    En de projectmanager heeft op de pro-formafactuur "Herzien" gekozen
    Als de projectmanager het factuurregeldetail verwijdert
    Dan bedraagt het totaal van de pro-formafactuur 0,00
    Als de projectmanager de pro-formafactuur bevestigt
    Dan zijn er geen werkelijke waarden gemaakt
    En de achterstand in facturering van het contract toont 0 uur

  @id:draft-delete-detail @doc:rule.draft-detail-delete
  Scenario: Een factuurregeldetail dat van een concept is verwijderd, gaat terug naar de achterstand in facturering
    Stel "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de projectmanager heeft een pro-formafactuur voor het contract gemaakt
    Als de projectmanager het factuurregeldetail verwijdert
    Dan bedraagt het totaal van de pro-formafactuur 0,00
    En de oorspronkelijke werkelijke waarde voor niet-gefactureerde verkoop heeft de factureringsstatus "Gereed voor facturering"
    En de achterstand in facturering van het contract toont 8 uur
