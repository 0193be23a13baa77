# language: nl
Functionaliteit: Werkelijke waarden van een tijdvermelding vóór facturering, rij voor rij
  De twee tabellen met werkelijke waarden van Project Operations (ActualsonTM.md voor tijd en
  materiaal, ActualonFP.md voor vaste prijs) tonen voor elke gebeurtenis in het leven van de
  tijdvermelding van Bob Kozak welke werkelijke waarden er daarna zijn. Deze scenario's spelen de rijen na tot
  en met het bevestigde contract: elk eindigt met alle werkelijke waarden van de tijdvermelding, als geheel
  vergeleken. Bob werkt 8 uur; zijn kostprijs is 100,00 per uur, bij tijd en materiaal wordt 200,00 per uur
  gefactureerd. Dat een vóór goedkeuring teruggeroepen tijdvermelding weer Concept wordt, is onze conventie
  (de pagina's noemen geen status); ook de namen van de acties zijn van ons (docs/api.md).

  @id:tm-1 @row:tm-1
  Scenario: Tijd is geregistreerd: nog geen werkelijke waarden
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 10% omzetbelasting
    En het projectcontract "Arminstallatie bij Adatum" voor klant "Adatum Corporation"
    En het contract factureert tijd en materiaal tegen 200,00 per uur, bij een kostprijs van 100,00 per uur
    Als "Bob Kozak" 8 uur op het project registreert
    Dan zijn de werkelijke waarden van de tijdvermelding:
      | Transactietype | Hoeveelheid | Bedrag | Factureringstype | Aanpassingsstatus | Factureringsstatus |

  @id:tm-2 @row:tm-2 @doc:rule.time-submitted-journal
  Scenario: Tijd is ingediend: journaalregels tegen de standaardtarieven, geen werkelijke waarden
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 10% omzetbelasting
    En het projectcontract "Arminstallatie bij Adatum" voor klant "Adatum Corporation"
    En het contract factureert tijd en materiaal tegen 200,00 per uur, bij een kostprijs van 100,00 per uur
    En "Bob Kozak" heeft 8 uur op het project geregistreerd
    Als "Bob Kozak" de tijdvermelding indient
    Dan zijn de journaalregels van de tijdvermelding:
      | Transactietype             | Factureringstype | Hoeveelheid | Bedrag   |
      | Kosten                     |                  | 8           | 800,00   |
      | Niet-gefactureerde verkoop | Toerekenbaar     | 8           | 1.600,00 |
    En de werkelijke waarden van de tijdvermelding zijn:
      | Transactietype | Hoeveelheid | Bedrag | Factureringstype | Aanpassingsstatus | Factureringsstatus |

  @id:tm-3 @row:tm-3 @doc:rule.recall-before-approval @convention
  Scenario: De tijdvermelding wordt vóór goedkeuring teruggeroepen: geen werkelijke waarden
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 10% omzetbelasting
    En het projectcontract "Arminstallatie bij Adatum" voor klant "Adatum Corporation"
    En het contract factureert tijd en materiaal tegen 200,00 per uur, bij een kostprijs van 100,00 per uur
    En "Bob Kozak" heeft 8 uur op het project geregistreerd
    En "Bob Kozak" heeft de tijdvermelding ingediend
    Als "Bob Kozak" de tijdvermelding terugroept
    Dan zijn de werkelijke waarden van de tijdvermelding:
      | Transactietype | Hoeveelheid | Bedrag | Factureringstype | Aanpassingsstatus | Factureringsstatus |
    En de journaalregels van de tijdvermelding zijn:
      | Transactietype | Factureringstype | Hoeveelheid | Bedrag |

  @id:tm-4 @row:tm-4 @doc:rule.actuals-on-approval
  Scenario: Goedgekeurd met evenveel factureerbare als ingediende uren
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 10% omzetbelasting
    En het projectcontract "Arminstallatie bij Adatum" voor klant "Adatum Corporation"
    En het contract factureert tijd en materiaal tegen 200,00 per uur, bij een kostprijs van 100,00 per uur
    En "Bob Kozak" heeft 8 uur op het project geregistreerd
    En "Bob Kozak" heeft de tijdvermelding ingediend
    Als de projectmanager de tijdvermelding goedkeurt
    Dan zijn de werkelijke waarden van de tijdvermelding:
      | Transactietype             | Hoeveelheid | Bedrag   | Factureringstype | Aanpassingsstatus | Factureringsstatus                 |
      | Kosten                     | 8           | 800,00   |                  |                   |                                    |
      | Niet-gefactureerde verkoop | 8           | 1.600,00 | Toerekenbaar     |                   | Niet-gefactureerde verkoop gemaakt |

  @id:tm-5 @row:tm-5 @doc:rule.approve-billable-below
  Scenario: Goedgekeurd met minder factureerbare uren: de rest is niet-toerekenbaar
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 10% omzetbelasting
    En het projectcontract "Arminstallatie bij Adatum" voor klant "Adatum Corporation"
    En het contract factureert tijd en materiaal tegen 200,00 per uur, bij een kostprijs van 100,00 per uur
    En "Bob Kozak" heeft 8 uur op het project geregistreerd
    En "Bob Kozak" heeft de tijdvermelding ingediend
    En de projectmanager heeft de factureerbare uren van de tijdvermelding op 6 gezet
    Als de projectmanager de tijdvermelding goedkeurt
    Dan zijn de werkelijke waarden van de tijdvermelding:
      | Transactietype             | Hoeveelheid | Bedrag   | Factureringstype  | Aanpassingsstatus | Factureringsstatus                 |
      | Kosten                     | 8           | 800,00   |                   |                   |                                    |
      | Niet-gefactureerde verkoop | 6           | 1.200,00 | Toerekenbaar      |                   | Niet-gefactureerde verkoop gemaakt |
      | Niet-gefactureerde verkoop | 2           | 400,00   | Niet-toerekenbaar |                   | Niet-gefactureerde verkoop gemaakt |

  @id:tm-6 @row:tm-6 @doc:rule.approve-billable-above
  Scenario: Goedgekeurd met meer factureerbare dan ingediende uren
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 10% omzetbelasting
    En het projectcontract "Arminstallatie bij Adatum" voor klant "Adatum Corporation"
    En het contract factureert tijd en materiaal tegen 200,00 per uur, bij een kostprijs van 100,00 per uur
    En "Bob Kozak" heeft 8 uur op het project geregistreerd
    En "Bob Kozak" heeft de tijdvermelding ingediend
    En de projectmanager heeft de factureerbare uren van de tijdvermelding op 10 gezet
    Als de projectmanager de tijdvermelding goedkeurt
    Dan zijn de werkelijke waarden van de tijdvermelding:
      | Transactietype             | Hoeveelheid | Bedrag   | Factureringstype | Aanpassingsstatus | Factureringsstatus                 |
      | Kosten                     | 8           | 800,00   |                  |                   |                                    |
      | Niet-gefactureerde verkoop | 10          | 2.000,00 | Toerekenbaar     |                   | Niet-gefactureerde verkoop gemaakt |

  @id:tm-7 @row:tm-7 @doc:rule.cancel-approval-reverses
  Scenario: De goedkeuring wordt geannuleerd: originelen aangepast, terugboekingen niet-aanpasbaar
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 10% omzetbelasting
    En het projectcontract "Arminstallatie bij Adatum" voor klant "Adatum Corporation"
    En het contract factureert tijd en materiaal tegen 200,00 per uur, bij een kostprijs van 100,00 per uur
    En "Bob Kozak" heeft 8 uur op het project geregistreerd
    En "Bob Kozak" heeft de tijdvermelding ingediend
    En de projectmanager heeft de tijdvermelding goedgekeurd
    Als de projectmanager de goedkeuring van de tijdvermelding annuleert
    Dan zijn de werkelijke waarden van de tijdvermelding:
      | Transactietype             | Hoeveelheid | Bedrag    | Factureringstype | Aanpassingsstatus | Factureringsstatus |
      | Kosten                     | 8           | 800,00    |                  | Aangepast         | Geannuleerd        |
      | Kosten                     | -8          | -800,00   |                  | Niet-aanpasbaar   | Geannuleerd        |
      | Niet-gefactureerde verkoop | 8           | 1.600,00  | Toerekenbaar     | Aangepast         | Geannuleerd        |
      | Niet-gefactureerde verkoop | -8          | -1.600,00 | Toerekenbaar     | Niet-aanpasbaar   | Geannuleerd        |

  @id:tm-8 @row:tm-8 @doc:rule.recall-approved-reverses
  Scenario: De tijdvermelding wordt na goedkeuring teruggeroepen: de werkelijke waarden worden teruggeboekt
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 10% omzetbelasting
    En het projectcontract "Arminstallatie bij Adatum" voor klant "Adatum Corporation"
    En het contract factureert tijd en materiaal tegen 200,00 per uur, bij een kostprijs van 100,00 per uur
    En "Bob Kozak" heeft 8 uur op het project geregistreerd
    En "Bob Kozak" heeft de tijdvermelding ingediend
    En de projectmanager heeft de tijdvermelding goedgekeurd
    Als "Bob Kozak" de tijdvermelding terugroept
    En de projectmanager het terugroepen van de tijdvermelding goedkeurt
    Dan zijn de werkelijke waarden van de tijdvermelding:
      | Transactietype             | Hoeveelheid | Bedrag    | Factureringstype | Aanpassingsstatus | Factureringsstatus |
      | Kosten                     | 8           | 800,00    |                  | Aangepast         | Geannuleerd        |
      | Kosten                     | -8          | -800,00   |                  | Niet-aanpasbaar   | Geannuleerd        |
      | Niet-gefactureerde verkoop | 8           | 1.600,00  | Toerekenbaar     | Aangepast         | Geannuleerd        |
      | Niet-gefactureerde verkoop | -8          | -1.600,00 | Toerekenbaar     | Niet-aanpasbaar   | Geannuleerd        |

  @id:tm-9 @row:tm-9 @doc:rule.contract-confirm-reevaluates
  Scenario: Het contract wordt bevestigd: werkelijke waarden teruggeboekt en opnieuw gemaakt uit het contract
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 10% omzetbelasting
    En het projectcontract "Arminstallatie bij Adatum" voor klant "Adatum Corporation"
    En het contract factureert tijd en materiaal tegen 200,00 per uur, bij een kostprijs van 100,00 per uur
    En "Bob Kozak" heeft 8 uur op het project geregistreerd
    En "Bob Kozak" heeft de tijdvermelding ingediend
    En de projectmanager heeft de tijdvermelding goedgekeurd
    Als de projectmanager het contract bevestigt
    Dan zijn de werkelijke waarden van de tijdvermelding:
      | Transactietype             | Hoeveelheid | Bedrag    | Factureringstype | Aanpassingsstatus | Factureringsstatus                 |
      | Kosten                     | 8           | 800,00    |                  | Aangepast         |                                    |
      | Kosten                     | -8          | -800,00   |                  | Niet-aanpasbaar   |                                    |
      | Kosten                     | 8           | 800,00    |                  |                   |                                    |
      | Niet-gefactureerde verkoop | 8           | 1.600,00  | Toerekenbaar     | Aangepast         | Niet-gefactureerde verkoop gemaakt |
      | Niet-gefactureerde verkoop | -8          | -1.600,00 | Toerekenbaar     | Niet-aanpasbaar   | Niet-gefactureerde verkoop gemaakt |
      | Niet-gefactureerde verkoop | 8           | 1.600,00  | Toerekenbaar     |                   | Niet-gefactureerde verkoop gemaakt |

  @id:fp-1 @row:fp-1
  Scenario: Vaste prijs: tijd is geregistreerd, nog geen werkelijke waarden
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 10% omzetbelasting
    En het projectcontract "Arminstallatie bij Adatum" voor klant "Adatum Corporation"
    En het contract factureert het project tegen een vaste prijs van 5.000,00, bij een kostprijs van 100,00 per uur
    Als "Bob Kozak" 8 uur op het project registreert
    Dan zijn de werkelijke waarden van de tijdvermelding:
      | Transactietype | Hoeveelheid | Bedrag | Factureringstype | Aanpassingsstatus | Factureringsstatus |

  @id:fp-2 @row:fp-2 @doc:rule.time-submitted-journal
  Scenario: Vaste prijs: tijd is ingediend, alleen een kostenjournaalregel
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 10% omzetbelasting
    En het projectcontract "Arminstallatie bij Adatum" voor klant "Adatum Corporation"
    En het contract factureert het project tegen een vaste prijs van 5.000,00, bij een kostprijs van 100,00 per uur
    En "Bob Kozak" heeft 8 uur op het project geregistreerd
    Als "Bob Kozak" de tijdvermelding indient
    Dan zijn de journaalregels van de tijdvermelding:
      | Transactietype | Factureringstype | Hoeveelheid | Bedrag |
      | Kosten         |                  | 8           | 800,00 |
    En de werkelijke waarden van de tijdvermelding zijn:
      | Transactietype | Hoeveelheid | Bedrag | Factureringstype | Aanpassingsstatus | Factureringsstatus |

  @id:fp-3 @row:fp-3 @doc:rule.recall-before-approval @convention
  Scenario: Vaste prijs: de tijdvermelding wordt vóór goedkeuring teruggeroepen
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 10% omzetbelasting
    En het projectcontract "Arminstallatie bij Adatum" voor klant "Adatum Corporation"
    En het contract factureert het project tegen een vaste prijs van 5.000,00, bij een kostprijs van 100,00 per uur
    En "Bob Kozak" heeft 8 uur op het project geregistreerd
    En "Bob Kozak" heeft de tijdvermelding ingediend
    Als "Bob Kozak" de tijdvermelding terugroept
    Dan zijn de werkelijke waarden van de tijdvermelding:
      | Transactietype | Hoeveelheid | Bedrag | Factureringstype | Aanpassingsstatus | Factureringsstatus |
    En de journaalregels van de tijdvermelding zijn:
      | Transactietype | Factureringstype | Hoeveelheid | Bedrag |

  @id:fp-4 @row:fp-4 @doc:rule.actuals-on-approval
  Scenario: Vaste prijs: goedkeuring maakt alleen een werkelijke kostenwaarde
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 10% omzetbelasting
    En het projectcontract "Arminstallatie bij Adatum" voor klant "Adatum Corporation"
    En het contract factureert het project tegen een vaste prijs van 5.000,00, bij een kostprijs van 100,00 per uur
    En "Bob Kozak" heeft 8 uur op het project geregistreerd
    En "Bob Kozak" heeft de tijdvermelding ingediend
    Als de projectmanager de tijdvermelding goedkeurt
    Dan zijn de werkelijke waarden van de tijdvermelding:
      | Transactietype | Hoeveelheid | Bedrag | Factureringstype | Aanpassingsstatus | Factureringsstatus |
      | Kosten         | 8           | 800,00 |                  |                   |                    |

  @id:fp-5 @row:fp-5 @doc:rule.cancel-approval-reverses
  Scenario: Vaste prijs: de goedkeuring wordt geannuleerd
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 10% omzetbelasting
    En het projectcontract "Arminstallatie bij Adatum" voor klant "Adatum Corporation"
    En het contract factureert het project tegen een vaste prijs van 5.000,00, bij een kostprijs van 100,00 per uur
    En "Bob Kozak" heeft 8 uur op het project geregistreerd
    En "Bob Kozak" heeft de tijdvermelding ingediend
    En de projectmanager heeft de tijdvermelding goedgekeurd
    Als de projectmanager de goedkeuring van de tijdvermelding annuleert
    Dan zijn de werkelijke waarden van de tijdvermelding:
      | Transactietype | Hoeveelheid | Bedrag  | Factureringstype | Aanpassingsstatus | Factureringsstatus |
      | Kosten         | 8           | 800,00  |                  | Aangepast         | Geannuleerd        |
      | Kosten         | -8          | -800,00 |                  | Niet-aanpasbaar   | Geannuleerd        |

  @id:fp-6 @row:fp-6 @doc:rule.recall-approved-reverses
  Scenario: Vaste prijs: de tijdvermelding wordt na goedkeuring teruggeroepen
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 10% omzetbelasting
    En het projectcontract "Arminstallatie bij Adatum" voor klant "Adatum Corporation"
    En het contract factureert het project tegen een vaste prijs van 5.000,00, bij een kostprijs van 100,00 per uur
    En "Bob Kozak" heeft 8 uur op het project geregistreerd
    En "Bob Kozak" heeft de tijdvermelding ingediend
    En de projectmanager heeft de tijdvermelding goedgekeurd
    Als "Bob Kozak" de tijdvermelding terugroept
    En de projectmanager het terugroepen van de tijdvermelding goedkeurt
    Dan zijn de werkelijke waarden van de tijdvermelding:
      | Transactietype | Hoeveelheid | Bedrag  | Factureringstype | Aanpassingsstatus | Factureringsstatus |
      | Kosten         | 8           | 800,00  |                  | Aangepast         | Geannuleerd        |
      | Kosten         | -8          | -800,00 |                  | Niet-aanpasbaar   | Geannuleerd        |

  @id:fp-7 @row:fp-7 @doc:rule.contract-confirm-reevaluates
  Scenario: Vaste prijs: het contract wordt bevestigd
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 10% omzetbelasting
    En het projectcontract "Arminstallatie bij Adatum" voor klant "Adatum Corporation"
    En het contract factureert het project tegen een vaste prijs van 5.000,00, bij een kostprijs van 100,00 per uur
    En "Bob Kozak" heeft 8 uur op het project geregistreerd
    En "Bob Kozak" heeft de tijdvermelding ingediend
    En de projectmanager heeft de tijdvermelding goedgekeurd
    Als de projectmanager het contract bevestigt
    Dan zijn de werkelijke waarden van de tijdvermelding:
      | Transactietype | Hoeveelheid | Bedrag  | Factureringstype | Aanpassingsstatus | Factureringsstatus |
      | Kosten         | 8           | 800,00  |                  | Aangepast         |                    |
      | Kosten         | -8          | -800,00 |                  | Niet-aanpasbaar   |                    |
      | Kosten         | 8           | 800,00  |                  |                   |                    |

  @id:recall-draft-refused @doc:rule.time-entry-transitions
  Scenario: Een concept-tijdvermelding kan niet worden teruggeroepen
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 10% omzetbelasting
    En het projectcontract "Arminstallatie bij Adatum" voor klant "Adatum Corporation"
    En het contract factureert tijd en materiaal tegen 200,00 per uur, bij een kostprijs van 100,00 per uur
    En "Bob Kozak" heeft 8 uur op het project geregistreerd
    Als "Bob Kozak" probeert de tijdvermelding terug te roepen
    Dan wordt de bewerking geweigerd
    En de werkelijke waarden van de tijdvermelding zijn:
      | Transactietype | Hoeveelheid | Bedrag | Factureringstype | Aanpassingsstatus | Factureringsstatus |

  @id:cancel-invoiced-refused @doc:rule.cancel-recall-not-invoiced
  Scenario: De goedkeuring van tijd op een conceptfactuur kan niet worden geannuleerd
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 10% omzetbelasting
    En het projectcontract "Arminstallatie bij Adatum" voor klant "Adatum Corporation"
    En het contract factureert tijd en materiaal tegen 200,00 per uur, bij een kostprijs van 100,00 per uur
    En "Bob Kozak" heeft 8 uur op het project geregistreerd
    En "Bob Kozak" heeft de tijdvermelding ingediend
    En de projectmanager heeft de tijdvermelding goedgekeurd
    En de projectmanager heeft de achterstand in facturering van het contract als gereed voor facturering gemarkeerd
    En de projectmanager heeft een pro-formafactuur voor het contract gemaakt
    Als de projectmanager probeert de goedkeuring van de tijdvermelding te annuleren
    Dan wordt de bewerking geweigerd
    En de werkelijke waarden van de tijdvermelding zijn:
      | Transactietype             | Hoeveelheid | Bedrag   | Factureringstype | Aanpassingsstatus | Factureringsstatus   |
      | Kosten                     | 8           | 800,00   |                  |                   |                      |
      | Niet-gefactureerde verkoop | 8           | 1.600,00 | Toerekenbaar     |                   | Klantfactuur gemaakt |
