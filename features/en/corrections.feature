Feature: Corrections of confirmed pro-forma invoices
  A confirmed pro-forma invoice is never changed. "Revise" (formerly "Correct this invoice") creates
  a new draft corrective invoice whose invoice line details copy the invoiced ones with a quantity of zero: by
  default it credits the whole invoice. Whatever quantity and price the project manager keeps, less
  or more than before, is invoiced again, so the difference is credited or charged. Credited time goes
  back to the billing backlog. A transaction that needs no correction is removed from the revision. A
  milestone can only be credited in full; it is then ready for invoicing again.

  Background:
    Given the legal entity "USPM" with accounting currency "USD" and 10% sales tax
    And the project contract "ERP rollout" for customer "Contoso Ltd."
    And the contract bills time and material at 200.00 per hour, at a cost of 100.00 per hour

  @id:full-credit @doc:rule.correction-new-draft @doc:rule.correction-full-credit
  Scenario: A full credit reverses the billed sales and returns the time to the billing backlog
    Given "Bob" worked 8 hours and the time is approved and ready to invoice
    And the project manager creates and confirms a pro-forma invoice for the contract
    When the project manager selects "Revise" on the pro-forma invoice
    Then the pro-forma invoice has the project invoice status "Draft"
    And the pro-forma invoice totals -1,600.00
    When the project manager confirms the pro-forma invoice
    Then these actuals were created:
      | Transaction type | Billing type | Quantity | Amount    |
      | Billed sales     | Chargeable   | -8       | -1,600.00 |
      | Unbilled sales   | Chargeable   | 8        | 1,600.00  |
    And the billing backlog of the contract shows 8 hours

  @id:partial-credit @doc:rule.correction-partial-credit
  Scenario: A partial credit invoices the kept quantity again and returns the rest to the backlog
    Given "Bob" worked 8 hours and the time is approved and ready to invoice
    And the project manager creates and confirms a pro-forma invoice for the contract
    And the project manager selects "Revise" on the pro-forma invoice
    When the project manager changes the quantity of the invoice line detail to 6
    Then the pro-forma invoice totals -400.00
    When the project manager confirms the pro-forma invoice
    Then these actuals were created:
      | Transaction type | Billing type | Quantity | Amount    |
      | Billed sales     | Chargeable   | -8       | -1,600.00 |
      | Unbilled sales   | Chargeable   | 6        | 1,200.00  |
      | Unbilled sales   | Chargeable   | -6       | -1,200.00 |
      | Billed sales     | Chargeable   | 6        | 1,200.00  |
      | Unbilled sales   | Chargeable   | 2        | 400.00    |
    And the billing backlog of the contract shows 2 hours

  @id:milestone-full-credit @doc:rule.milestone-billed-only @doc:rule.correction-milestone-full
  Scenario: A milestone credited in full is ready for invoicing again
    Given the contract has the fixed-price milestone "Go-live" of 5,000.00, ready to invoice
    And the project manager creates and confirms a pro-forma invoice for the contract
    Then these actuals were created:
      | Transaction type | Billing type | Quantity | Amount   |
      | Billed sales     | Chargeable   | 1        | 5,000.00 |
    And the milestone "Go-live" has the invoice status "Customer invoice posted"
    When the project manager selects "Revise" on the pro-forma invoice
    And the project manager confirms the pro-forma invoice
    Then the milestone "Go-live" has the invoice status "Ready for invoicing"
    And these actuals were created:
      | Transaction type | Billing type | Quantity | Amount    |
      | Billed sales     | Chargeable   | -1       | -5,000.00 |

  @id:milestone-partial-credit @doc:rule.correction-milestone-partial
  Scenario: A milestone can't be credited in part
    Given the contract has the fixed-price milestone "Go-live" of 5,000.00, ready to invoice
    And the project manager creates and confirms a pro-forma invoice for the contract
    And the project manager selects "Revise" on the pro-forma invoice
    When the project manager tries to change the quantity of the invoice line detail to 0.5
    Then the operation is refused

  @id:correct-draft-refused @doc:rule.correct-only-confirmed
  Scenario: Only a confirmed invoice can be corrected
    Given "Bob" worked 8 hours and the time is approved and ready to invoice
    And the project manager creates a pro-forma invoice for the contract
    When the project manager tries to select "Revise" on the pro-forma invoice
    Then the operation is refused

  @id:refuse-milestone-billing-type @doc:rule.milestone-always-chargeable
  Scenario: The invoice line detail of a milestone stays chargeable
    Given the contract has the fixed-price milestone "Go-live" of 5,000.00, ready to invoice
    And the project manager creates a pro-forma invoice for the contract
    When the project manager tries to set the billing type of the invoice line detail to "Non-chargeable"
    Then the operation is refused
    And the pro-forma invoice totals 5,000.00
  @id:revise-price-decrease @doc:rule.draft-detail-edit @doc:rule.correction-adjusts-billed
  Scenario: A revision that lowers the price credits the difference without returning time to the backlog
    Given "Bob" worked 8 hours and the time is approved and ready to invoice
    And the project manager creates and confirms a pro-forma invoice for the contract
    And the project manager selects "Revise" on the pro-forma invoice
    And the project manager changes the quantity of the invoice line detail to 8
    When the project manager changes the price of the invoice line detail to 150.00
    Then the pro-forma invoice totals -400.00
    When the project manager confirms the pro-forma invoice
    Then these actuals were created:
      | Transaction type | Billing type | Quantity | Amount    |
      | Billed sales     | Chargeable   | -8       | -1,600.00 |
      | Unbilled sales   | Chargeable   | 8        | 1,200.00  |
      | Unbilled sales   | Chargeable   | -8       | -1,200.00 |
      | Billed sales     | Chargeable   | 8        | 1,200.00  |
    And the billing backlog of the contract shows 0 hours

  @id:revise-remove-detail @doc:rule.correction-remove-detail @doc:rule.draft-detail-delete
  Scenario: A transaction that needs no correction is removed from the revised invoice
    Given "Bob" worked 8 hours and the time is approved and ready to invoice
    And the project manager creates and confirms a pro-forma invoice for the contract
    And the project manager selects "Revise" on the pro-forma invoice
    When the project manager deletes the invoice line detail
    Then the pro-forma invoice totals 0.00
    When the project manager confirms the pro-forma invoice
    Then no actuals were created
    And the billing backlog of the contract shows 0 hours

  @id:draft-delete-detail @doc:rule.draft-detail-delete
  Scenario: An invoice line detail deleted from a draft goes back to the billing backlog
    Given "Bob" worked 8 hours and the time is approved and ready to invoice
    And the project manager creates a pro-forma invoice for the contract
    When the project manager deletes the invoice line detail
    Then the pro-forma invoice totals 0.00
    And the original unbilled sales actual has the billing status "Ready to invoice"
    And the billing backlog of the contract shows 8 hours
