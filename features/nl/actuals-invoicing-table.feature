# language: nl
Functionaliteit: De tabellen met werkelijke waarden uit de documentatie van Microsoft, rijen over facturering
  Twee pagina's over Project Operations geven per gebeurtenis aan welke werkelijke waarden er daarna
  zijn: een voor een opdracht op basis van tijd en materiaal (ActualsonTM.md), een voor een
  opdracht met een vaste prijs (ActualonFP.md). Elk scenario hieronder is een rij over
  facturering uit die tabellen, met het voorbeeld van de pagina: Bob Kozack registreert 8 uur, die
  100,00 per uur kosten en tegen 200,00 per uur worden gefactureerd; de mijlpaal voor vaste prijs is
  5.000,00 waard. Elk scenario eindigt met alle werkelijke waarden van de rij; de tag @row:tm-<n>
  of @row:fp-<n> noemt de rij van de tabel, geteld vanaf 1. Een lege cel betekent dat de werkelijke
  waarde in die kolom geen waarde heeft; een werkelijke waarde voor kosten heeft geen factureringstype.

  Achtergrond:
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 10% omzetbelasting
    En het projectcontract "Arm Installation at Adatum" voor klant "Adatum Corporation"

  @id:tm-invoice-created @row:tm-10
  Scenario: Het maken van een pro-formafactuur voegt geen werkelijke waarden toe
    Stel het contract factureert tijd en materiaal tegen 200,00 per uur, bij een kostprijs van 100,00 per uur
    En "Bob Kozack" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    Als de projectmanager een pro-formafactuur voor het contract maakt
    Dan zijn de werkelijke waarden van de tijdvermelding:
      | Transactietype             | Hoeveelheid | Bedrag   | Factureringstype | Aanpassingsstatus | Factureringsstatus   |
      | Kosten                     | 8           | 800,00   |                  |                   |                      |
      | Niet-gefactureerde verkoop | 8           | 1.600,00 | Toerekenbaar     |                   | Klantfactuur gemaakt |

  @id:tm-confirmed-unchanged @row:tm-11 @doc:rule.confirm-unchanged @doc:rule.invoice-reversal-unadjustable
  Scenario: Bevestigen met ongewijzigde hoeveelheid boekt de niet-gefactureerde verkoop terug en factureert die
    Stel het contract factureert tijd en materiaal tegen 200,00 per uur, bij een kostprijs van 100,00 per uur
    En "Bob Kozack" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de projectmanager heeft een pro-formafactuur voor het contract gemaakt
    Als de projectmanager de pro-formafactuur bevestigt
    Dan zijn de werkelijke waarden van de tijdvermelding:
      | Transactietype             | Hoeveelheid | Bedrag    | Factureringstype | Aanpassingsstatus | Factureringsstatus   |
      | Kosten                     | 8           | 800,00    |                  |                   |                      |
      | Niet-gefactureerde verkoop | 8           | 1.600,00  | Toerekenbaar     |                   | Klantfactuur geboekt |
      | Niet-gefactureerde verkoop | -8          | -1.600,00 | Toerekenbaar     | Niet-aanpasbaar   | Klantfactuur geboekt |
      | Gefactureerde verkoop      | 8           | 1.600,00  | Toerekenbaar     |                   |                      |

  @id:tm-confirmed-decreased @row:tm-12 @doc:rule.quantity-reduced @doc:rule.draft-detail-edit
  Scenario: Na een verlaagde hoeveelheid op het factuurregeldetail blijft de rest bij bevestigen niet-toerekenbaar
    Stel het contract factureert tijd en materiaal tegen 200,00 per uur, bij een kostprijs van 100,00 per uur
    En "Bob Kozack" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de projectmanager heeft een pro-formafactuur voor het contract gemaakt
    En de projectmanager heeft de hoeveelheid van het factuurregeldetail in 6 gewijzigd
    Als de projectmanager de pro-formafactuur bevestigt
    Dan zijn de werkelijke waarden van de tijdvermelding:
      | Transactietype             | Hoeveelheid | Bedrag    | Factureringstype  | Aanpassingsstatus | Factureringsstatus   |
      | Kosten                     | 8           | 800,00    |                   |                   |                      |
      | Niet-gefactureerde verkoop | 8           | 1.600,00  | Toerekenbaar      | Aangepast         | Klantfactuur geboekt |
      | Niet-gefactureerde verkoop | -8          | -1.600,00 | Toerekenbaar      | Niet-aanpasbaar   | Klantfactuur geboekt |
      | Niet-gefactureerde verkoop | 6           | 1.200,00  | Toerekenbaar      |                   | Klantfactuur geboekt |
      | Niet-gefactureerde verkoop | 2           | 400,00    | Niet-toerekenbaar |                   | Klantfactuur geboekt |
      | Niet-gefactureerde verkoop | -6          | -1.200,00 | Toerekenbaar      | Niet-aanpasbaar   | Klantfactuur geboekt |
      | Niet-gefactureerde verkoop | -2          | -400,00   | Niet-toerekenbaar | Niet-aanpasbaar   | Klantfactuur geboekt |
      | Gefactureerde verkoop      | 6           | 1.200,00  | Toerekenbaar      |                   |                      |
      | Gefactureerde verkoop      | 2           | 400,00    | Niet-toerekenbaar |                   |                      |

  @id:tm-confirmed-increased @row:tm-13 @doc:rule.quantity-increased
  Scenario: Na een verhoogde hoeveelheid op het factuurregeldetail factureert bevestigen de hogere hoeveelheid
    Stel het contract factureert tijd en materiaal tegen 200,00 per uur, bij een kostprijs van 100,00 per uur
    En "Bob Kozack" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de projectmanager heeft een pro-formafactuur voor het contract gemaakt
    En de projectmanager heeft de hoeveelheid van het factuurregeldetail in 10 gewijzigd
    Als de projectmanager de pro-formafactuur bevestigt
    Dan zijn de werkelijke waarden van de tijdvermelding:
      | Transactietype             | Hoeveelheid | Bedrag    | Factureringstype | Aanpassingsstatus | Factureringsstatus   |
      | Kosten                     | 8           | 800,00    |                  |                   |                      |
      | Niet-gefactureerde verkoop | 8           | 1.600,00  | Toerekenbaar     | Aangepast         | Klantfactuur geboekt |
      | Niet-gefactureerde verkoop | -8          | -1.600,00 | Toerekenbaar     | Niet-aanpasbaar   | Klantfactuur geboekt |
      | Niet-gefactureerde verkoop | 10          | 2.000,00  | Toerekenbaar     |                   | Klantfactuur geboekt |
      | Niet-gefactureerde verkoop | -10         | -2.000,00 | Toerekenbaar     | Niet-aanpasbaar   | Klantfactuur geboekt |
      | Gefactureerde verkoop      | 10          | 2.000,00  | Toerekenbaar     |                   |                      |

  @id:tm-corrected-decrease @row:tm-14 @doc:rule.correction-partial-credit @doc:rule.correction-adjusts-billed
  Scenario: Een herziening met een lagere toerekenbare hoeveelheid crediteert het verschil en zet het terug in de achterstand
    Stel het contract factureert tijd en materiaal tegen 200,00 per uur, bij een kostprijs van 100,00 per uur
    En "Bob Kozack" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de projectmanager heeft een pro-formafactuur voor het contract gemaakt en bevestigd
    En de projectmanager heeft op de pro-formafactuur "Herzien" gekozen
    En de projectmanager heeft de hoeveelheid van het factuurregeldetail in 6 gewijzigd
    Als de projectmanager de pro-formafactuur bevestigt
    Dan zijn de werkelijke waarden van de tijdvermelding:
      | Transactietype             | Hoeveelheid | Bedrag    | Factureringstype | Aanpassingsstatus | Factureringsstatus                 |
      | Kosten                     | 8           | 800,00    |                  |                   |                                    |
      | Niet-gefactureerde verkoop | 8           | 1.600,00  | Toerekenbaar     |                   | Klantfactuur geboekt               |
      | Niet-gefactureerde verkoop | -8          | -1.600,00 | Toerekenbaar     | Niet-aanpasbaar   | Klantfactuur geboekt               |
      | Gefactureerde verkoop      | 8           | 1.600,00  | Toerekenbaar     | Aangepast         |                                    |
      | Gefactureerde verkoop      | -8          | -1.600,00 | Toerekenbaar     | Niet-aanpasbaar   |                                    |
      | Niet-gefactureerde verkoop | 6           | 1.200,00  | Toerekenbaar     |                   | Klantfactuur geboekt               |
      | Niet-gefactureerde verkoop | -6          | -1.200,00 | Toerekenbaar     | Niet-aanpasbaar   | Klantfactuur geboekt               |
      | Gefactureerde verkoop      | 6           | 1.200,00  | Toerekenbaar     |                   |                                    |
      | Niet-gefactureerde verkoop | 2           | 400,00    | Toerekenbaar     |                   | Niet-gefactureerde verkoop gemaakt |

  @id:tm-corrected-increase @row:tm-15 @doc:rule.correction-increase @doc:rule.correction-adjusts-billed
  Scenario: Een herziening met een hogere toerekenbare hoeveelheid factureert de hogere hoeveelheid
    Stel het contract factureert tijd en materiaal tegen 200,00 per uur, bij een kostprijs van 100,00 per uur
    En "Bob Kozack" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de projectmanager heeft een pro-formafactuur voor het contract gemaakt en bevestigd
    En de projectmanager heeft op de pro-formafactuur "Herzien" gekozen
    En de projectmanager heeft de hoeveelheid van het factuurregeldetail in 10 gewijzigd
    Als de projectmanager de pro-formafactuur bevestigt
    Dan zijn de werkelijke waarden van de tijdvermelding:
      | Transactietype             | Hoeveelheid | Bedrag    | Factureringstype | Aanpassingsstatus | Factureringsstatus   |
      | Kosten                     | 8           | 800,00    |                  |                   |                      |
      | Niet-gefactureerde verkoop | 8           | 1.600,00  | Toerekenbaar     |                   | Klantfactuur geboekt |
      | Niet-gefactureerde verkoop | -8          | -1.600,00 | Toerekenbaar     | Niet-aanpasbaar   | Klantfactuur geboekt |
      | Gefactureerde verkoop      | 8           | 1.600,00  | Toerekenbaar     | Aangepast         |                      |
      | Gefactureerde verkoop      | -8          | -1.600,00 | Toerekenbaar     | Niet-aanpasbaar   |                      |
      | Niet-gefactureerde verkoop | 10          | 2.000,00  | Toerekenbaar     |                   | Klantfactuur geboekt |
      | Niet-gefactureerde verkoop | -10         | -2.000,00 | Toerekenbaar     | Niet-aanpasbaar   | Klantfactuur geboekt |
      | Gefactureerde verkoop      | 10          | 2.000,00  | Toerekenbaar     |                   |                      |

  @id:fp-invoice-created @row:fp-8
  Scenario: Het maken van een pro-formafactuur voor een mijlpaal voor vaste prijs voegt geen werkelijke waarden toe
    Stel het contract heeft de mijlpaal voor vaste prijs "Arm installation" van 5.000,00, gereed voor facturering, en tijd op het project kost 100,00 per uur
    En "Bob Kozack" heeft 8 uur gewerkt en de tijd is goedgekeurd
    Als de projectmanager een pro-formafactuur voor het contract maakt
    Dan heeft de mijlpaal "Arm installation" de factuurstatus "Klantfactuur gemaakt"
    En de werkelijke waarden van het project zijn:
      | Transactietype | Hoeveelheid | Bedrag | Factureringstype | Aanpassingsstatus | Factureringsstatus |
      | Kosten         | 8           | 800,00 |                  |                   |                    |

  @id:fp-confirmed-milestone @row:fp-9 @doc:rule.milestone-billed-only
  Scenario: Bevestigen van een factuur met een mijlpaal factureert de mijlpaal
    Stel het contract heeft de mijlpaal voor vaste prijs "Arm installation" van 5.000,00, gereed voor facturering, en tijd op het project kost 100,00 per uur
    En "Bob Kozack" heeft 8 uur gewerkt en de tijd is goedgekeurd
    En de projectmanager heeft een pro-formafactuur voor het contract gemaakt
    Als de projectmanager de pro-formafactuur bevestigt
    Dan zijn de werkelijke waarden van het project:
      | Transactietype        | Hoeveelheid | Bedrag   | Factureringstype | Aanpassingsstatus | Factureringsstatus |
      | Kosten                | 8           | 800,00   |                  |                   |                    |
      | Gefactureerde verkoop | 1           | 5.000,00 | Toerekenbaar     |                   |                    |

  @id:fp-corrected-credit @row:fp-10 @doc:rule.correction-milestone-full @doc:rule.correction-adjusts-billed
  Scenario: Een herziening die de mijlpaal crediteert, boekt de gefactureerde verkoop ervan terug
    Stel het contract heeft de mijlpaal voor vaste prijs "Arm installation" van 5.000,00, gereed voor facturering, en tijd op het project kost 100,00 per uur
    En "Bob Kozack" heeft 8 uur gewerkt en de tijd is goedgekeurd
    En de projectmanager heeft een pro-formafactuur voor het contract gemaakt en bevestigd
    En de projectmanager heeft op de pro-formafactuur "Herzien" gekozen
    Als de projectmanager de pro-formafactuur bevestigt
    Dan zijn de werkelijke waarden van het project:
      | Transactietype        | Hoeveelheid | Bedrag    | Factureringstype | Aanpassingsstatus | Factureringsstatus |
      | Kosten                | 8           | 800,00    |                  |                   |                    |
      | Gefactureerde verkoop | 1           | 5.000,00  | Toerekenbaar     | Aangepast         |                    |
      | Gefactureerde verkoop | -1          | -5.000,00 | Toerekenbaar     | Niet-aanpasbaar   |                    |
