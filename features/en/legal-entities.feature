Feature: Legal entities are kept apart
  Every legal entity is its own boundary. Project contracts, invoices and actuals in Dataverse
  belong to a legal entity, and dual-write writes them into that legal entity in Finance and Operations
  apps: each legal entity sees only its own project invoice proposals and actuals.

  Background:
    Given the legal entity "USPM" with accounting currency "USD" and 10% sales tax
    And the project contract "ERP rollout" for customer "Contoso Ltd."
    And the contract bills time and material at 200.00 per hour, at a cost of 100.00 per hour

  @id:two-legal-entities @doc:rule.legal-entity-boundary
  Scenario: Each project invoice proposal lands in the legal entity of its contract
    Given "Bob" worked 8 hours and the time is approved and ready to invoice
    And the project manager creates the pro-forma invoice "US" for the contract
    And the legal entity "GBSI" with accounting currency "GBP" and 20% sales tax
    And the project contract "Data migration" for customer "Fabrikam Ltd."
    And the contract bills time and material at 150.00 per hour, at a cost of 80.00 per hour
    And "Alice" worked 4 hours and the time is approved and ready to invoice
    And the project manager creates the pro-forma invoice "GB" for the contract
    When the project manager confirms the pro-forma invoice "US"
    And the project manager confirms the pro-forma invoice "GB"
    Then the project invoice proposal of "US" belongs to the legal entity "USPM"
    And the project invoice proposal of "GB" belongs to the legal entity "GBSI"
    And the table Project invoice proposals of the legal entity "USPM" holds 1 record
    And the table Project invoice proposals of the legal entity "GBSI" holds 1 record
    And the table Actuals staging of the legal entity "GBSI" holds 3 records

  @id:company-read-only @doc:rule.company-read-only
  Scenario: The company of a saved project contract can't be changed
    Given the legal entity "GBSI" with accounting currency "GBP" and 20% sales tax
    When the project manager tries to change the company of the project contract to "GBSI"
    Then the operation is refused
    And the project contract belongs to the company "USPM"
