Feature: The Project Operations integration journal
  Approved work reaches Finance and Operations apps as actuals. The periodic process "Import from staging table"
  turns each cost and unbilled sales actual into a line of the Project Operations integration journal, where the
  project accountant reviews it before it is posted to the project subledger and the general ledger. Lines are
  grouped into journals by the period unit set in the Project management and accounting parameters; every line has
  its own voucher. Lines that can't be posted move to a new journal with the status Error.

  Source: Microsoft Learn, project-accounting/project-operations-integration-journal.md; the voucher lines follow
  the example of invoicing/format-update-project-invoice-proposals.md (Example scenario).

  Background:
    Given the legal entity "USPM" with accounting currency "USD" and 0% sales tax
    And the project contract "ERP rollout" for customer "Contoso Ltd."
    And the contract bills time and material at 200.00 per hour, at a cost of 100.00 per hour

  @id:journal-period-unit @doc:rule.journal-period-unit
  Scenario: One journal for each day by default, one for the whole month once the period unit is Months
    Given "Bob" worked 8 hours and the time is approved
    And the simulator's clock moves 1 day ahead
    And "Bob" worked 4 hours and the time is approved
    When the periodic process "Import from staging table" runs
    Then the table Project Operations integration journals of the legal entity "USPM" holds 2 records
    And the table Integration journal lines of the legal entity "USPM" holds 4 records
    When the period unit of the Project Operations integration journal is "Months"
    And the simulator's clock moves 1 day ahead
    And "Bob" worked 2 hours and the time is approved
    And the simulator's clock moves 1 day ahead
    And "Bob" worked 3 hours and the time is approved
    And the periodic process "Import from staging table" runs again
    Then the table Project Operations integration journals of the legal entity "USPM" holds 3 records
    And the table Integration journal lines of the legal entity "USPM" holds 8 records

  @id:journal-ledger-result @doc:rule.journal-voucher-per-line @doc:rule.journal-ledger-result
  Scenario: Every line posts its own voucher; the invoice clears the work in progress
    Given "Bob" worked 8 hours and the time is approved
    When the unbilled sales are posted through the Project Operations integration journal
    Then every integration journal line has its own voucher number
    And posting the integration journal booked these voucher lines:
      | Posting type                 | Main account | Amount    |
      | Project - cost               | 510100       | 800.00    |
      | Project - payroll allocation | 605100       | -800.00   |
      | Project - WIP - sales value  | 161300       | 1,600.00  |
      | Project - accrued revenue    | 420200       | -1,600.00 |
    When the project manager marks the billing backlog of the contract ready to invoice
    And the project manager creates and confirms a pro-forma invoice for the contract
    And the periodic process "Import from staging table" runs
    And the project accountant posts the project invoice proposal
    Then the voucher of the customer invoice has these lines:
      | Posting type                | Main account | Amount    |
      | Project - accrued revenue   | 420200       | 1,600.00  |
      | Project - WIP - sales value | 161300       | -1,600.00 |
      | Project - invoiced revenue  | 411100       | -1,600.00 |
      | Customer balance            | 130100       | 1,600.00  |

  @id:journal-delete-line @doc:rule.journal-line-delete-reimport
  Scenario: A deleted line comes back with the next import
    Given "Bob" worked 8 hours and the time is approved
    When the periodic process "Import from staging table" runs
    And the project accountant deletes the unbilled sales line of the integration journal
    Then the table Integration journal lines of the legal entity "USPM" holds 1 record
    And the unbilled sales actual has no "Voucher number" yet
    When the periodic process "Import from staging table" runs again
    Then the table Integration journal lines of the legal entity "USPM" holds 2 records

  @id:journal-error-lines @doc:rule.journal-transfer-error-lines @doc:rule.journal-period-not-open @doc:rule.journal-error-not-posted @doc:rule.journal-reset-to-draft
  Scenario: Lines in a closed ledger period move to a new journal, which posts after Reset to draft
    Given "Bob" worked 8 hours and the time is approved
    And the ledger period of the current month is "Closed"
    When the periodic process "Import from staging table" runs
    And the project accountant posts the Project Operations integration journal
    Then the posting log reports that the ledger period isn't open
    And a new journal with the status "Error" holds 2 lines and names the posted journal as its original journal
    And the unbilled sales actual has no "Voucher number" yet
    When the project accountant tries to post the journal with posting errors
    Then the operation is refused
    When the ledger period of the current month is "Open"
    And the project accountant resets the journal with posting errors to draft
    And the project accountant posts the Project Operations integration journal
    Then the unbilled sales actual shows the accounting details:
      | Accounting currency amount | 1,600.00 |
      | Exchange rate              | 1.00     |

  @id:journal-delete-posted @doc:rule.journal-line-delete-posted @convention
  Scenario: Our convention, as the page is silent: a posted line can't be deleted
    Given "Bob" worked 8 hours and the time is approved
    And the unbilled sales are posted through the Project Operations integration journal
    When the project accountant tries to delete the unbilled sales line of the integration journal
    Then the operation is refused
    And the table Integration journal lines of the legal entity "USPM" holds 2 records
