Feature: Project invoice proposal lines
  The periodic process "Import from staging table" adds the lines to a project invoice proposal, reading
  the billed sales actuals from the Actuals staging table (Microsoft Learn:
  environment/resource-dual-write-project-invoice.md, invoicing/format-update-project-invoice-proposals.md). A proposal gets
  its lines only once all of them can be imported: the unbilled sales they invoice must first be
  posted through the Project Operations integration journal.

  The project invoice proposal is numbered with the invoice ID of the pro-forma invoice. Invoices
  aren't always confirmed in the order they were created, so the invoice proposal number sequence
  must allow user changes to a lower and a higher number.

  Background:
    Given the legal entity "USPM" with accounting currency "USD" and 10% sales tax
    And the project contract "ERP rollout" for customer "Contoso Ltd."
    And the contract bills time and material at 200.00 per hour, at a cost of 100.00 per hour

  @id:lines-from-staging @doc:seed.import-creates-lines @doc:seed.import-billed-sales
  Scenario: Import from staging table adds the billed sales as proposal lines
    Given "Bob" worked 8 hours and the time is approved and ready to invoice
    And "Alice" worked 4 hours and the time is approved and ready to invoice
    And the unbilled sales are posted through the Project Operations integration journal
    And the project manager creates and confirms a pro-forma invoice for the contract
    When the periodic process "Import from staging table" runs
    Then the project invoice proposal has 2 lines
    And the project invoice proposal amounts to 2,400.00

  @id:confirm-before-posting @doc:rule.lines-need-posted-unbilled @doc:seed.import-creates-lines
  Scenario: Confirmed before the unbilled sales were posted, the proposal gets its lines on a later import
    Given "Bob" worked 8 hours and the time is approved and ready to invoice
    And the project manager creates and confirms a pro-forma invoice for the contract
    When the periodic process "Import from staging table" runs
    Then the project invoice proposal has no lines yet
    And the project invoice proposal amounts to 0.00
    When the project accountant posts the Project Operations integration journal
    And the periodic process "Import from staging table" runs again
    Then the project invoice proposal has 1 line
    And the project invoice proposal amounts to 1,600.00

  @id:import-mismatch-held-back @doc:rule.import-mismatch-held-back
  Scenario: A billed sales actual that didn't arrive holds the project invoice proposal back
    Given "Bob" worked 8 hours and the time is approved and ready to invoice
    And the unbilled sales are posted through the Project Operations integration journal
    And the table map "Project Operations integration actuals (msdyn_actuals)" is paused
    And the legal entity has no line property "Chargeable"
    And the project manager creates and confirms a pro-forma invoice for the contract
    When the table map "Project Operations integration actuals (msdyn_actuals)" is resumed, catching up the queued records
    And the periodic process "Import from staging table" runs
    Then the project invoice proposal has no lines yet
    And Import from staging table reports mismatched billed sales actuals for the project invoice proposal
    When the project accountant tries to post the project invoice proposal
    Then the operation is refused
    When the line property "Chargeable" is set up again in the legal entity
    And the catch-up errors of the table map "Project Operations integration actuals (msdyn_actuals)" are retried
    And the periodic process "Import from staging table" runs again
    Then the project invoice proposal has 1 line
    And the project invoice proposal amounts to 1,600.00

  @id:out-of-order-confirmation @doc:rule.number-sequence
  Scenario Outline: Invoices confirmed out of order need a number sequence that allows lower numbers
    Given the setting "Allow user changes to a lower number" of the invoice proposal number sequence is "<lower>"
    And "Bob" worked 8 hours and the time is approved and ready to invoice
    And the project manager creates the pro-forma invoice "April" for the contract
    And "Alice" worked 4 hours and the time is approved and ready to invoice
    And the project manager creates the pro-forma invoice "May" for the contract
    And the project manager confirms the pro-forma invoice "May"
    When the project manager tries to confirm the pro-forma invoice "April"
    Then the pro-forma invoice "April" has the project invoice status "<status>"
    And the table Project invoice proposals holds <proposals>
    And Finance and Operations apps hold a project invoice proposal numbered with the invoice ID of "May"

    Examples:
      | lower | status    | proposals |
      | Yes   | Confirmed | 2 records |
      | No    | Draft     | 1 record  |
