Feature: Material and fees from entry journals through the invoice integration
  Besides time, a project bills the material its team uses and the fees agreed with the customer. Both are
  recorded in entry journals in Dataverse: when a journal is confirmed, each journal line becomes one actual of
  its transaction type and transaction class. The unbilled sales then take the same road as time: the billing
  backlog, the pro-forma invoice, dual-write to Finance and Operations apps, Import from staging table, posting,
  and the accounting details written back to the billed sales actuals.

  A fee has no cost: on a time and material contract line it is recorded as sales only. The project manager
  enters the prices on the journal lines; the simulator has no price lists to take default prices from.

  Source: Microsoft Learn, actuals/create-confirm-entry-journals-integrated.md (Create and confirm Entry journals),
  actuals/journal-line-improvements.md (Business rule validation).

  Background:
    Given the legal entity "USPM" with accounting currency "USD" and 10% sales tax
    And the project contract "ERP rollout" for customer "Contoso Ltd."
    And the contract bills time and material at 200.00 per hour, at a cost of 100.00 per hour

  @id:material-actuals @doc:rule.journal-line-actuals @doc:rule.journal-line-by-class
  Scenario: Confirming an entry journal records one actual per journal line
    Given the entry journal "Site material" records the use of 3 "Cables" at a unit cost of 10.00 and a unit price of 15.50
    When the project manager confirms the entry journal "Site material"
    Then these actuals were created:
      | Transaction type | Transaction class | Quantity | Amount |
      | Cost             | Material          | 3        | 30.00  |
      | Unbilled sales   | Material          | 3        | 46.50  |
    And the table Transaction connections holds 0 records

  @id:material-flow @doc:rule.journal-line-actuals @doc:rule.journal-line-by-class
  Scenario: Material from the entry journal to the accounting details in Dataverse
    Given the entry journal "Site material" records the use of 3 "Cables" at a unit cost of 10.00 and a unit price of 15.50
    And the project manager has confirmed the entry journal "Site material"
    And the unbilled sales are posted through the Project Operations integration journal
    When the project manager marks the billing backlog of the contract ready to invoice
    And the project manager creates a pro-forma invoice for the contract
    And the project manager confirms the pro-forma invoice
    And the periodic process "Import from staging table" runs
    And the project accountant posts the project invoice proposal
    Then the project invoice proposal has these lines:
      | Transaction class | Quantity | Amount |
      | Material          | 3        | 46.50  |
    And the billed sales actual shows the accounting details:
      | Accounting currency amount | 46.50 |
      | Exchange rate              | 1.00  |
      | Sales tax amount           | 4.65  |
    And the voucher number is the voucher of the posted customer invoice

  @id:fee-flow @doc:rule.journal-line-actuals @doc:rule.journal-line-by-class
  Scenario: A fee through the billing backlog to the posted customer invoice
    Given the entry journal "Fees" records the fee "Project setup fee" of 500.00
    And the project manager has confirmed the entry journal "Fees"
    And the unbilled sales are posted through the Project Operations integration journal
    When the project manager marks the billing backlog of the contract ready to invoice
    And the project manager creates a pro-forma invoice for the contract
    And the project manager confirms the pro-forma invoice
    And the periodic process "Import from staging table" runs
    And the project accountant posts the project invoice proposal
    Then the project invoice proposal has these lines:
      | Transaction class | Quantity | Amount |
      | Fee               | 1        | 500.00 |
    And the billed sales actual shows the accounting details:
      | Accounting currency amount | 500.00 |
      | Exchange rate              | 1.00   |
      | Sales tax amount           | 50.00  |
    And the voucher number is the voucher of the posted customer invoice

  @id:time-material-fee-invoice @doc:rule.journal-line-actuals
  Scenario: Time, material and a fee on one pro-forma invoice and one customer invoice
    Given "Bob" worked 8 hours and the time is approved
    And the entry journal "Site material and fees" records the use of 3 "Cables" at a unit cost of 10.00 and a unit price of 15.50
    And the entry journal "Site material and fees" records the fee "Project setup fee" of 500.00
    And the project manager has confirmed the entry journal "Site material and fees"
    And the unbilled sales are posted through the Project Operations integration journal
    When the project manager marks the billing backlog of the contract ready to invoice
    And the project manager creates a pro-forma invoice for the contract
    Then the pro-forma invoice totals 2,146.50
    When the project manager confirms the pro-forma invoice
    And the periodic process "Import from staging table" runs
    And the project accountant posts the project invoice proposal
    Then the project invoice proposal has these lines:
      | Transaction class | Quantity | Amount   |
      | Time              | 8        | 1,600.00 |
      | Material          | 3        | 46.50    |
      | Fee               | 1        | 500.00   |
    And the project invoice proposal amounts to 2,146.50
    And every billed sales actual carries the voucher of the posted customer invoice

  @id:fee-not-cost @doc:rule.journal-fee-sales-only
  Scenario: A fee can't be recorded as cost
    Given the entry journal "Fees" records a cost line for the fee "Project setup fee" of 500.00
    When the project manager tries to confirm the entry journal "Fees"
    Then the operation is refused
    And no actuals were created

  @id:fee-not-included @doc:rule.journal-line-by-class
  Scenario: A fee on a project whose contract line doesn't include fees is never invoiced
    Given the time and material contract line doesn't include fees
    And the entry journal "Fees" records the fee "Project setup fee" of 500.00
    When the project manager confirms the entry journal "Fees"
    Then the unbilled sales actual "Project setup fee" has no contract line customer and stays out of the billing backlog

  @id:journal-read-only @doc:rule.journal-confirmed-read-only
  Scenario: A confirmed entry journal can't be changed or confirmed again
    Given the entry journal "Site material" records the use of 3 "Cables" at a unit cost of 10.00 and a unit price of 15.50
    And the project manager has confirmed the entry journal "Site material"
    When the project manager tries to change the quantity of a line of the entry journal "Site material" to 4
    Then the operation is refused
    When the project manager tries to confirm the entry journal "Site material" again
    Then the operation is refused
    And no actuals were created
