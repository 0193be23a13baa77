Feature: Dual-write table maps in the invoice integration
  Live synchronization is part of the same transaction: a change is saved in one app only when the
  other app accepts it, and otherwise it's rolled back in both. A paused table map keeps its changes
  as queued records; when it resumes, it catches up, and records that still fail become catch-up
  errors that can be retried. A stopped table map doesn't synchronize at all, so confirming an
  invoice then has no financial impact in Finance and Operations apps. Real-time synchronization
  takes at most 1,000 lines per invoice.

  Background:
    Given the legal entity "USPM" with accounting currency "USD" and 10% sales tax
    And the project contract "ERP rollout" for customer "Contoso Ltd."
    And the contract bills time and material at 200.00 per hour, at a cost of 100.00 per hour

  @id:map-paused-resumed @doc:rule.map-paused-queue @doc:seed.actuals-map
  Scenario: A paused table map queues the actuals and catches up when it resumes
    Given the table map "Project Operations integration actuals (msdyn_actuals)" is paused
    And "Bob" worked 8 hours and the time is approved
    Then the table map "Project Operations integration actuals (msdyn_actuals)" has 2 queued records
    And the table Actuals staging holds 0 records
    When the table map "Project Operations integration actuals (msdyn_actuals)" is resumed, catching up the queued records
    Then the table map "Project Operations integration actuals (msdyn_actuals)" has the status "Running"
    And the table map "Project Operations integration actuals (msdyn_actuals)" has 0 queued records
    And the table Actuals staging holds 2 records

  @id:catch-up-error-retry @doc:rule.catchup-errors-retry @doc:rule.line-property-required
  Scenario: A record that fails to catch up is kept as a catch-up error and retried
    Given the table map "Project Operations integration actuals (msdyn_actuals)" is paused
    And the legal entity has no line property "Chargeable"
    And "Bob" worked 8 hours and the time is approved
    When the table map "Project Operations integration actuals (msdyn_actuals)" is resumed, catching up the queued records
    Then the table map "Project Operations integration actuals (msdyn_actuals)" has 1 catch-up error
    And the table Actuals staging holds 1 record
    When the line property "Chargeable" is set up again in the legal entity
    And the catch-up errors of the table map "Project Operations integration actuals (msdyn_actuals)" are retried
    Then the table map "Project Operations integration actuals (msdyn_actuals)" has 0 catch-up errors
    And the table Actuals staging holds 2 records

  @id:map-stopped @doc:rule.map-stopped
  Scenario: With the table maps stopped, confirming has no impact in Finance and Operations apps
    Given "Bob" worked 8 hours and the time is approved and ready to invoice
    And the table map "Project invoice proposal V2 (invoices)" is stopped
    And the table map "Project Operations integration actuals (msdyn_actuals)" is stopped
    When the project manager creates and confirms a pro-forma invoice for the contract
    Then the pro-forma invoice has the project invoice status "Confirmed"
    And the table Actuals holds 4 records
    And the table Actuals staging holds 2 records
    And Finance and Operations apps hold no project invoice proposal for the pro-forma invoice

  @id:live-sync-rollback @doc:rule.live-sync-rollback @doc:rule.line-property-required
  Scenario: When Finance and Operations apps refuse an actual, the confirmation is rolled back in both apps
    Given "Bob" worked 8 hours and the time is approved and ready to invoice
    And the legal entity has no line property "Not available"
    And the project manager creates a pro-forma invoice for the contract
    And the project manager sets the billing type of the invoice line detail to "Not available"
    When the project manager tries to confirm the pro-forma invoice
    Then the operation is refused
    And the pro-forma invoice has the project invoice status "Draft"
    And no actuals were created
    And Finance and Operations apps hold no project invoice proposal for the pro-forma invoice
    And the table Actuals staging holds 2 records

  @id:line-limit @doc:rule.line-limit
  Scenario Outline: Real-time dual-write takes at most 1,000 lines per invoice
    Given <entries> time entries of one hour each are approved and ready to invoice
    And the project manager creates a pro-forma invoice for the contract
    When the project manager tries to confirm the pro-forma invoice
    Then the pro-forma invoice has the project invoice status "<status>"

    Examples:
      | entries | status    |
      | 1,000   | Confirmed |
      | 1,001   | Draft     |

  @id:map-run-initial-sync @doc:rule.map-run-initial-sync
  Scenario: Running a stopped table map copies the records that exist, then the table map runs
    Given the table map "Project Operations integration actuals (msdyn_actuals)" is stopped
    And "Bob" worked 8 hours and the time is approved
    And the table Actuals staging holds 0 records
    When the table map "Project Operations integration actuals (msdyn_actuals)" is run
    Then the table map "Project Operations integration actuals (msdyn_actuals)" has the status "Running"
    And the table Actuals staging holds 2 records

  @id:initial-sync-error-rerun @doc:rule.initial-sync-errors
  Scenario: A record that fails the initial sync keeps the table map initializing until the initial sync is run again
    Given the table map "Project Operations integration actuals (msdyn_actuals)" is stopped
    And the legal entity has no line property "Chargeable"
    And "Bob" worked 8 hours and the time is approved
    When the table map "Project Operations integration actuals (msdyn_actuals)" is run
    Then the table map "Project Operations integration actuals (msdyn_actuals)" has the status "Initializing"
    And the table map "Project Operations integration actuals (msdyn_actuals)" has 1 initial sync error
    And the table Actuals staging holds 1 record
    When the line property "Chargeable" is set up again in the legal entity
    And the initial sync of the table map "Project Operations integration actuals (msdyn_actuals)" is run again
    Then the table map "Project Operations integration actuals (msdyn_actuals)" has the status "Running"
    And the table map "Project Operations integration actuals (msdyn_actuals)" has 0 initial sync errors
    And the table Actuals staging holds 2 records

  @id:catch-up-errors-purged @doc:rule.catchup-errors-purged
  Scenario: Catch-up errors are kept for one day, then purged
    Given the table map "Project Operations integration actuals (msdyn_actuals)" is paused
    And the legal entity has no line property "Chargeable"
    And "Bob" worked 8 hours and the time is approved
    And the table map "Project Operations integration actuals (msdyn_actuals)" is resumed, catching up the queued records
    When the simulator's clock moves 23 hours ahead
    Then the table map "Project Operations integration actuals (msdyn_actuals)" has 1 catch-up error
    When the simulator's clock moves 1 hour ahead
    Then the table map "Project Operations integration actuals (msdyn_actuals)" has 0 catch-up errors

  @id:map-pause-limit @doc:rule.map-pause-limits
  Scenario: A table map paused for 7 days blocks further records until it is resumed
    Given the table map "Project Operations integration actuals (msdyn_actuals)" is paused
    And "Bob" worked 8 hours and the time is approved
    And the simulator's clock moves 7 days ahead
    When the project manager tries to approve 2 hours worked by "Alice"
    Then the operation is refused
    And the table map "Project Operations integration actuals (msdyn_actuals)" has 2 queued records
    When the table map "Project Operations integration actuals (msdyn_actuals)" is resumed, catching up the queued records
    And "Alice" worked 2 hours and the time is approved
    Then the table Actuals staging holds 4 records

  @id:milestone-map @doc:rule.milestone-map
  Scenario: The milestone table map carries contract line milestones to Finance and Operations apps
    Given the contract has the fixed-price milestone "Go-live" of 5,000.00, ready to invoice
    And the table map "Project Operations integration contract line milestones (msdyn_contractlinescheduleofvalues)" is stopped
    And the contract has the fixed-price milestone "Sign-off" of 1,000.00, ready to invoice
    Then the table Contract line milestone staging holds 1 record
    When the table map "Project Operations integration contract line milestones (msdyn_contractlinescheduleofvalues)" is run
    Then the table Contract line milestone staging holds 2 records
