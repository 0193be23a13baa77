# language: nl
Functionaliteit: Tabeltoewijzingen voor twee keer wegschrijven in de factuurintegratie
  Live synchronisatie maakt deel uit van dezelfde transactie: een wijziging wordt in de ene app alleen
  opgeslagen als de andere app haar accepteert; anders wordt ze in beide teruggedraaid. Een
  onderbroken tabeltoewijzing bewaart haar wijzigingen als records in de wachtrij. Wordt ze hervat,
  dan haalt ze die in; records die daarbij mislukken, worden inhaalfouten die opnieuw kunnen worden
  geprobeerd. Een gestopte tabeltoewijzing synchroniseert niets; het bevestigen van een factuur heeft
  dan geen financiële gevolgen in apps voor financiën en bedrijfsactiviteiten. Realtime
  synchronisatie verwerkt ten hoogste 1.000 regels per factuur.

  Achtergrond:
    Gegeven de rechtspersoon "USPM" met boekhoudvaluta "USD" en 10% omzetbelasting
    En het projectcontract "ERP-implementatie" voor klant "Contoso Ltd."
    En het contract factureert tijd en materiaal tegen 200,00 per uur, bij een kostprijs van 100,00 per uur

  @id:map-paused-resumed @doc:rule.map-paused-queue @doc:seed.actuals-map
  Scenario: Een onderbroken tabeltoewijzing zet de werkelijke waarden in de wachtrij en haalt ze in bij hervatten
    Stel de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" is onderbroken
    En "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd
    Dan heeft de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" 2 records in de wachtrij
    En de tabel Opslag van werkelijke waarden bevat 0 records
    Als de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" wordt hervat en de records in de wachtrij inhaalt
    Dan heeft de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" de status "Actief"
    En de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" heeft 0 records in de wachtrij
    En de tabel Opslag van werkelijke waarden bevat 2 records

  @id:catch-up-error-retry @doc:rule.catchup-errors-retry @doc:rule.line-property-required
  Scenario: Een record dat bij het inhalen mislukt, blijft bewaard als inhaalfout en wordt opnieuw geprobeerd
    Stel de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" is onderbroken
    En de rechtspersoon heeft geen regeleigenschap "Toerekenbaar"
    En "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd
    Als de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" wordt hervat en de records in de wachtrij inhaalt
    Dan heeft de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" 1 inhaalfout
    En de tabel Opslag van werkelijke waarden bevat 1 record
    Als de regeleigenschap "Toerekenbaar" in de rechtspersoon opnieuw wordt ingericht
    En de inhaalfouten van de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" opnieuw worden geprobeerd
    Dan heeft de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" 0 inhaalfouten
    En de tabel Opslag van werkelijke waarden bevat 2 records

  @id:map-stopped @doc:rule.map-stopped
  Scenario: Met gestopte tabeltoewijzingen heeft bevestigen geen gevolgen in apps voor financiën en bedrijfsactiviteiten
    Stel "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de tabeltoewijzing "Projectfactuurvoorstel V2 (facturen)" is gestopt
    En de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" is gestopt
    Als de projectmanager een pro-formafactuur voor het contract maakt en bevestigt
    Dan heeft de pro-formafactuur de status van projectfactuur "Bevestigd"
    En de tabel Werkelijke waarden bevat 4 records
    En de tabel Opslag van werkelijke waarden bevat 2 records
    En in apps voor financiën en bedrijfsactiviteiten is er geen projectfactuurvoorstel voor de pro-formafactuur

  @id:live-sync-rollback @doc:rule.live-sync-rollback @doc:rule.line-property-required
  Scenario: Weigeren apps voor financiën en bedrijfsactiviteiten een werkelijke waarde, dan wordt de bevestiging in beide apps teruggedraaid
    Stel "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd en gereed voor facturering
    En de rechtspersoon heeft geen regeleigenschap "Niet beschikbaar"
    En de projectmanager heeft een pro-formafactuur voor het contract gemaakt
    En de projectmanager heeft het factureringstype van het factuurregeldetail op "Niet beschikbaar" gezet
    Als de projectmanager probeert de pro-formafactuur te bevestigen
    Dan wordt de bewerking geweigerd
    En de pro-formafactuur heeft de status van projectfactuur "Concept"
    En er zijn geen werkelijke waarden gemaakt
    En in apps voor financiën en bedrijfsactiviteiten is er geen projectfactuurvoorstel voor de pro-formafactuur
    En de tabel Opslag van werkelijke waarden bevat 2 records

  @id:line-limit @doc:rule.line-limit
  Abstract Scenario: Realtime twee keer wegschrijven verwerkt ten hoogste 1.000 regels per factuur
    Stel <vermeldingen> tijdvermeldingen van elk één uur zijn goedgekeurd en gereed voor facturering
    En de projectmanager heeft een pro-formafactuur voor het contract gemaakt
    Als de projectmanager probeert de pro-formafactuur te bevestigen
    Dan heeft de pro-formafactuur de status van projectfactuur "<status>"

    Voorbeelden:
      | vermeldingen | status    |
      | 1.000        | Bevestigd |
      | 1.001        | Concept   |

  @id:map-run-initial-sync @doc:rule.map-run-initial-sync
  Scenario: Een gestopte tabeltoewijzing kopieert bij het starten de bestaande records en is daarna actief
    Stel de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" is gestopt
    En "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd
    En de tabel Opslag van werkelijke waarden bevat 0 records
    Als de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" wordt gestart
    Dan heeft de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" de status "Actief"
    En de tabel Opslag van werkelijke waarden bevat 2 records

  @id:initial-sync-error-rerun @doc:rule.initial-sync-errors
  Scenario: Een record dat bij de initiële synchronisatie mislukt, houdt de tabeltoewijzing in de initialisatie tot de initiële synchronisatie opnieuw wordt uitgevoerd
    Stel de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" is gestopt
    En de rechtspersoon heeft geen regeleigenschap "Toerekenbaar"
    En "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd
    Als de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" wordt gestart
    Dan heeft de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" de status "Wordt geïnitialiseerd"
    En de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" heeft 1 fout bij de initiële synchronisatie
    En de tabel Opslag van werkelijke waarden bevat 1 record
    Als de regeleigenschap "Toerekenbaar" in de rechtspersoon opnieuw wordt ingericht
    En de initiële synchronisatie van de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" opnieuw wordt uitgevoerd
    Dan heeft de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" de status "Actief"
    En de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" heeft 0 fouten bij de initiële synchronisatie
    En de tabel Opslag van werkelijke waarden bevat 2 records

  @id:catch-up-errors-purged @doc:rule.catchup-errors-purged
  Scenario: Inhaalfouten blijven één dag bewaard en worden daarna verwijderd
    Stel de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" is onderbroken
    En de rechtspersoon heeft geen regeleigenschap "Toerekenbaar"
    En "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd
    En de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" wordt hervat en haalt de records in de wachtrij in
    Als de klok van de simulator 23 uur vooruitgaat
    Dan heeft de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" 1 inhaalfout
    Als de klok van de simulator 1 uur vooruitgaat
    Dan heeft de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" 0 inhaalfouten

  @id:map-pause-limit @doc:rule.map-pause-limits
  Scenario: Een tabeltoewijzing die 7 dagen onderbroken is, blokkeert verdere records tot ze wordt hervat
    Stel de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" is onderbroken
    En "Bob" heeft 8 uur gewerkt en de tijd is goedgekeurd
    En de klok van de simulator gaat 7 dagen vooruit
    Als de projectmanager probeert 2 uur van "Alice" goed te keuren
    Dan wordt de bewerking geweigerd
    En de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" heeft 2 records in de wachtrij
    Als de tabeltoewijzing "Integratie van werkelijke waarden in Project Operations (msdyn_actuals)" wordt hervat en de records in de wachtrij inhaalt
    En "Alice" 2 uur gewerkt heeft en de tijd goedgekeurd is
    Dan bevat de tabel Opslag van werkelijke waarden 4 records

  @id:milestone-map @doc:rule.milestone-map
  Scenario: De tabeltoewijzing voor mijlpalen brengt mijlpalen van contractregels naar apps voor financiën en bedrijfsactiviteiten
    Stel het contract heeft de mijlpaal voor vaste prijs "Go-live" van 5.000,00, gereed voor facturering
    En de tabeltoewijzing "Mijlpalen voor projectcontractregels voor Project Operations-integratie (msdyn_contractlinescheduleofvalues)" is gestopt
    En het contract heeft de mijlpaal voor vaste prijs "Acceptatie" van 1.000,00, gereed voor facturering
    Dan bevat de tabel Opslag van mijlpalen van contractregels 1 record
    Als de tabeltoewijzing "Mijlpalen voor projectcontractregels voor Project Operations-integratie (msdyn_contractlinescheduleofvalues)" wordt gestart
    Dan bevat de tabel Opslag van mijlpalen van contractregels 2 records
