# language: nl
Functionaliteit: Geweigerde bewerkingen
  Projectfactuurvoorstellen ontstaan alleen vanuit Dataverse: rechtstreeks in apps voor financiën en
  bedrijfsactiviteiten kunt u ze niet maken of verwijderen. Een werkelijke waarde wordt nooit
  rechtstreeks geschreven; alleen de beschrijving en de externe beschrijving ervan kunt u bewerken.
  Een bevestigde pro-formafactuur is alleen-lezen en blijft bestaan (bron: Microsoft Learn, pagina's
  over de integratie van projectfacturen, werkelijke waarden en het bevestigen). Onze conventie, waar
  de pagina's zwijgen: een projectfactuurvoorstel zonder regels kan niet worden geboekt.

  Achtergrond:
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 10% omzetbelasting
    En het projectcontract "ERP-implementatie" voor klant "Contoso Ltd."
    En het contract factureert tijd en materiaal tegen 200,00 per uur, bij een kostprijs van 100,00 per uur
    En "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering

  @id:refuse-create-proposal @doc:seed.no-create-delete @doc:seed.one-way
  Scenario: Een projectfactuurvoorstel kan niet worden gemaakt in apps voor financiën en bedrijfsactiviteiten
    Als de klantenadministrateur probeert rechtstreeks in apps voor financiën en bedrijfsactiviteiten een projectfactuurvoorstel te maken
    Dan wordt de bewerking geweigerd
    En de tabel Projectfactuurvoorstellen bevat 0 records

  @id:refuse-delete-proposal @doc:seed.no-create-delete
  Scenario: Een projectfactuurvoorstel kan niet worden verwijderd in apps voor financiën en bedrijfsactiviteiten
    Stel de projectmanager heeft een pro-formafactuur voor het contract gemaakt en bevestigd
    Als de klantenadministrateur probeert het projectfactuurvoorstel rechtstreeks in apps voor financiën en bedrijfsactiviteiten te verwijderen
    Dan wordt de bewerking geweigerd
    En in apps voor financiën en bedrijfsactiviteiten is er een projectfactuurvoorstel met de factuur-ID als nummer

  @id:refuse-create-actual @doc:rule.actuals-read-only
  Scenario: Een werkelijke waarde kan niet rechtstreeks worden gemaakt
    Als de projectmanager probeert rechtstreeks een werkelijke waarde te maken
    Dan wordt de bewerking geweigerd
    En de tabel Werkelijke waarden bevat 2 records

  @id:refuse-delete-actual @doc:rule.actuals-read-only
  Scenario: Een werkelijke waarde kan niet worden verwijderd
    Als de projectmanager probeert de werkelijke waarde voor niet-gefactureerde verkoop te verwijderen
    Dan wordt de bewerking geweigerd
    En de tabel Werkelijke waarden bevat 2 records

  @id:refuse-edit-actual @doc:rule.actuals-read-only
  Abstract Scenario: Bedragen en factureringsgegevens van een werkelijke waarde kunnen niet worden bewerkt
    Als de projectmanager probeert "<veld>" van de werkelijke waarde voor niet-gefactureerde verkoop in "<waarde>" te wijzigen
    Dan wordt de bewerking geweigerd
    En de werkelijke waarde voor niet-gefactureerde verkoop is ongewijzigd

    Voorbeelden:
      | veld             | waarde            |
      | Hoeveelheid      | 10                |
      | Bedrag           | 2.000,00          |
      | Factureringstype | Niet-toerekenbaar |

  @id:edit-actual-description @doc:rule.actuals-description-editable
  Abstract Scenario: De beschrijvingsvelden van een werkelijke waarde kunnen worden bewerkt
    Als de projectmanager "<veld>" van de werkelijke waarde voor niet-gefactureerde verkoop in "<waarde>" wijzigt
    Dan toont de werkelijke waarde voor niet-gefactureerde verkoop "<waarde>" als "<veld>"

    Voorbeelden:
      | veld                 | waarde                             |
      | Beschrijving         | Workshop over de vereisten         |
      | Externe beschrijving | Workshop met de financiële afdeling |

  @id:refuse-edit-confirmed-invoice @doc:rule.confirmed-read-only
  Scenario: Een bevestigde pro-formafactuur is alleen-lezen
    Stel de projectmanager heeft een pro-formafactuur voor het contract gemaakt en bevestigd
    Als de projectmanager probeert de beschrijving van de pro-formafactuur te wijzigen
    Dan wordt de bewerking geweigerd
    En de pro-formafactuur heeft de status van projectfactuur "Bevestigd"

  @id:refuse-delete-confirmed-invoice @doc:rule.confirmed-read-only
  Scenario: Een bevestigde pro-formafactuur kan niet worden verwijderd
    Stel de projectmanager heeft een pro-formafactuur voor het contract gemaakt en bevestigd
    Als de projectmanager probeert de pro-formafactuur te verwijderen
    Dan wordt de bewerking geweigerd
    En de pro-formafactuur heeft de status van projectfactuur "Bevestigd"

  @id:refuse-post-without-lines @doc:rule.post-needs-lines @convention
  Scenario: Onze conventie, omdat de pagina's zwijgen: een projectfactuurvoorstel zonder regels kan niet worden geboekt
    Stel de projectmanager heeft een pro-formafactuur voor het contract gemaakt en bevestigd
    Als de projectaccountant probeert het projectfactuurvoorstel te boeken
    Dan wordt de bewerking geweigerd
    En de tabel Klantfacturen bevat 0 records

  @id:refuse-ready-adjusted @doc:rule.backlog-adjusted-excluded
  Scenario: Een aangepaste werkelijke waarde voor niet-gefactureerde verkoop kan niet als gereed voor facturering worden gemarkeerd
    Stel de projectmanager heeft een pro-formafactuur voor het contract gemaakt
    En de projectmanager heeft de hoeveelheid van het factuurregeldetail in 6 gewijzigd
    En de projectmanager heeft de pro-formafactuur bevestigd
    Als de projectmanager probeert de oorspronkelijke werkelijke waarde voor niet-gefactureerde verkoop als gereed voor facturering te markeren
    Dan wordt de bewerking geweigerd
    En de oorspronkelijke werkelijke waarde voor niet-gefactureerde verkoop heeft de aanpassingsstatus "Aangepast"

  @id:refuse-ready-cost @doc:rule.backlog-unbilled-sales-only
  Scenario: Alleen niet-gefactureerde verkoop kan als gereed voor facturering worden gemarkeerd, geen werkelijke waarde voor kosten
    Als de projectmanager probeert de werkelijke waarde voor kosten als gereed voor facturering te markeren
    Dan wordt de bewerking geweigerd
    En de tabel Werkelijke waarden bevat 2 records
