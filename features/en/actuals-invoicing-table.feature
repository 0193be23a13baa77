Feature: The actuals tables of Microsoft's documentation, invoicing rows
  Two pages of Project Operations list, event by event, which actuals exist afterwards: one for a time
  and material engagement (actuals/ActualsonTM.md), one for a fixed price engagement
  (actuals/ActualonFP.md). Each scenario below is one invoicing row of those tables, with the page's
  example: Bob Kozack records 8 hours, which cost 100.00 per hour and are billed at 200.00 per hour;
  the fixed price milestone is worth 5,000.00. Every scenario ends with all actuals of the row: the
  tag @row:tm-<n> or @row:fp-<n> gives the row of the table, counted from 1. An empty cell means the
  actual has no value in that column; a cost actual has no billing type.

  Background:
    Given the legal entity "USPM" with accounting currency "USD" and 10% sales tax
    And the project contract "Arm Installation at Adatum" for customer "Adatum Corporation"

  @id:tm-invoice-created @row:tm-10
  Scenario: Creating a pro-forma invoice adds no actuals
    Given the contract bills time and material at 200.00 per hour, at a cost of 100.00 per hour
    And "Bob Kozack" worked 8 hours and the time is approved and ready to invoice
    When the project manager creates a pro-forma invoice for the contract
    Then the actuals of the time entry are:
      | Transaction type | Quantity | Amount   | Billing type | Adjustment status | Billing status           |
      | Cost             | 8        | 800.00   |              |                   |                          |
      | Unbilled sales   | 8        | 1,600.00 | Chargeable   |                   | Customer invoice created |

  @id:tm-confirmed-unchanged @row:tm-11 @doc:rule.confirm-unchanged @doc:rule.invoice-reversal-unadjustable
  Scenario: Confirming an invoice with the quantity unchanged reverses the unbilled sales and bills them
    Given the contract bills time and material at 200.00 per hour, at a cost of 100.00 per hour
    And "Bob Kozack" worked 8 hours and the time is approved and ready to invoice
    And the project manager creates a pro-forma invoice for the contract
    When the project manager confirms the pro-forma invoice
    Then the actuals of the time entry are:
      | Transaction type | Quantity | Amount    | Billing type | Adjustment status | Billing status          |
      | Cost             | 8        | 800.00    |              |                   |                         |
      | Unbilled sales   | 8        | 1,600.00  | Chargeable   |                   | Customer invoice posted |
      | Unbilled sales   | -8       | -1,600.00 | Chargeable   | Unadjustable      | Customer invoice posted |
      | Billed sales     | 8        | 1,600.00  | Chargeable   |                   |                         |

  @id:tm-confirmed-decreased @row:tm-12 @doc:rule.quantity-reduced @doc:rule.draft-detail-edit
  Scenario: Confirming an invoice whose invoice line detail was decreased leaves the rest non-chargeable
    Given the contract bills time and material at 200.00 per hour, at a cost of 100.00 per hour
    And "Bob Kozack" worked 8 hours and the time is approved and ready to invoice
    And the project manager creates a pro-forma invoice for the contract
    And the project manager changes the quantity of the invoice line detail to 6
    When the project manager confirms the pro-forma invoice
    Then the actuals of the time entry are:
      | Transaction type | Quantity | Amount    | Billing type   | Adjustment status | Billing status          |
      | Cost             | 8        | 800.00    |                |                   |                         |
      | Unbilled sales   | 8        | 1,600.00  | Chargeable     | Adjusted          | Customer invoice posted |
      | Unbilled sales   | -8       | -1,600.00 | Chargeable     | Unadjustable      | Customer invoice posted |
      | Unbilled sales   | 6        | 1,200.00  | Chargeable     |                   | Customer invoice posted |
      | Unbilled sales   | 2        | 400.00    | Non-chargeable |                   | Customer invoice posted |
      | Unbilled sales   | -6       | -1,200.00 | Chargeable     | Unadjustable      | Customer invoice posted |
      | Unbilled sales   | -2       | -400.00   | Non-chargeable | Unadjustable      | Customer invoice posted |
      | Billed sales     | 6        | 1,200.00  | Chargeable     |                   |                         |
      | Billed sales     | 2        | 400.00    | Non-chargeable |                   |                         |

  @id:tm-confirmed-increased @row:tm-13 @doc:rule.quantity-increased
  Scenario: Confirming an invoice whose invoice line detail was increased bills the higher quantity
    Given the contract bills time and material at 200.00 per hour, at a cost of 100.00 per hour
    And "Bob Kozack" worked 8 hours and the time is approved and ready to invoice
    And the project manager creates a pro-forma invoice for the contract
    And the project manager changes the quantity of the invoice line detail to 10
    When the project manager confirms the pro-forma invoice
    Then the actuals of the time entry are:
      | Transaction type | Quantity | Amount    | Billing type | Adjustment status | Billing status          |
      | Cost             | 8        | 800.00    |              |                   |                         |
      | Unbilled sales   | 8        | 1,600.00  | Chargeable   | Adjusted          | Customer invoice posted |
      | Unbilled sales   | -8       | -1,600.00 | Chargeable   | Unadjustable      | Customer invoice posted |
      | Unbilled sales   | 10       | 2,000.00  | Chargeable   |                   | Customer invoice posted |
      | Unbilled sales   | -10      | -2,000.00 | Chargeable   | Unadjustable      | Customer invoice posted |
      | Billed sales     | 10       | 2,000.00  | Chargeable   |                   |                         |

  @id:tm-corrected-decrease @row:tm-14 @doc:rule.correction-partial-credit @doc:rule.correction-adjusts-billed
  Scenario: Revising an invoice to decrease the chargeable quantity credits the difference and returns it to the billing backlog
    Given the contract bills time and material at 200.00 per hour, at a cost of 100.00 per hour
    And "Bob Kozack" worked 8 hours and the time is approved and ready to invoice
    And the project manager creates and confirms a pro-forma invoice for the contract
    And the project manager selects "Revise" on the pro-forma invoice
    And the project manager changes the quantity of the invoice line detail to 6
    When the project manager confirms the pro-forma invoice
    Then the actuals of the time entry are:
      | Transaction type | Quantity | Amount    | Billing type | Adjustment status | Billing status          |
      | Cost             | 8        | 800.00    |              |                   |                         |
      | Unbilled sales   | 8        | 1,600.00  | Chargeable   |                   | Customer invoice posted |
      | Unbilled sales   | -8       | -1,600.00 | Chargeable   | Unadjustable      | Customer invoice posted |
      | Billed sales     | 8        | 1,600.00  | Chargeable   | Adjusted          |                         |
      | Billed sales     | -8       | -1,600.00 | Chargeable   | Unadjustable      |                         |
      | Unbilled sales   | 6        | 1,200.00  | Chargeable   |                   | Customer invoice posted |
      | Unbilled sales   | -6       | -1,200.00 | Chargeable   | Unadjustable      | Customer invoice posted |
      | Billed sales     | 6        | 1,200.00  | Chargeable   |                   |                         |
      | Unbilled sales   | 2        | 400.00    | Chargeable   |                   | Unbilled sales created  |

  @id:tm-corrected-increase @row:tm-15 @doc:rule.correction-increase @doc:rule.correction-adjusts-billed
  Scenario: Revising an invoice to increase the chargeable quantity bills the higher quantity
    Given the contract bills time and material at 200.00 per hour, at a cost of 100.00 per hour
    And "Bob Kozack" worked 8 hours and the time is approved and ready to invoice
    And the project manager creates and confirms a pro-forma invoice for the contract
    And the project manager selects "Revise" on the pro-forma invoice
    And the project manager changes the quantity of the invoice line detail to 10
    When the project manager confirms the pro-forma invoice
    Then the actuals of the time entry are:
      | Transaction type | Quantity | Amount    | Billing type | Adjustment status | Billing status          |
      | Cost             | 8        | 800.00    |              |                   |                         |
      | Unbilled sales   | 8        | 1,600.00  | Chargeable   |                   | Customer invoice posted |
      | Unbilled sales   | -8       | -1,600.00 | Chargeable   | Unadjustable      | Customer invoice posted |
      | Billed sales     | 8        | 1,600.00  | Chargeable   | Adjusted          |                         |
      | Billed sales     | -8       | -1,600.00 | Chargeable   | Unadjustable      |                         |
      | Unbilled sales   | 10       | 2,000.00  | Chargeable   |                   | Customer invoice posted |
      | Unbilled sales   | -10      | -2,000.00 | Chargeable   | Unadjustable      | Customer invoice posted |
      | Billed sales     | 10       | 2,000.00  | Chargeable   |                   |                         |

  @id:fp-invoice-created @row:fp-8
  Scenario: Creating a pro-forma invoice for a fixed price milestone adds no actuals
    Given the contract has the fixed-price milestone "Arm installation" of 5,000.00, ready to invoice, and time on the project costs 100.00 per hour
    And "Bob Kozack" worked 8 hours and the time is approved
    When the project manager creates a pro-forma invoice for the contract
    Then the milestone "Arm installation" has the invoice status "Customer invoice created"
    And the actuals of the project are:
      | Transaction type | Quantity | Amount | Billing type | Adjustment status | Billing status |
      | Cost             | 8        | 800.00 |              |                   |                |

  @id:fp-confirmed-milestone @row:fp-9 @doc:rule.milestone-billed-only
  Scenario: Confirming an invoice with a milestone bills the milestone
    Given the contract has the fixed-price milestone "Arm installation" of 5,000.00, ready to invoice, and time on the project costs 100.00 per hour
    And "Bob Kozack" worked 8 hours and the time is approved
    And the project manager creates a pro-forma invoice for the contract
    When the project manager confirms the pro-forma invoice
    Then the actuals of the project are:
      | Transaction type | Quantity | Amount   | Billing type | Adjustment status | Billing status |
      | Cost             | 8        | 800.00   |              |                   |                |
      | Billed sales     | 1        | 5,000.00 | Chargeable   |                   |                |

  @id:fp-corrected-credit @row:fp-10 @doc:rule.correction-milestone-full @doc:rule.correction-adjusts-billed
  Scenario: Revising an invoice to credit the milestone reverses its billed sales
    Given the contract has the fixed-price milestone "Arm installation" of 5,000.00, ready to invoice, and time on the project costs 100.00 per hour
    And "Bob Kozack" worked 8 hours and the time is approved
    And the project manager creates and confirms a pro-forma invoice for the contract
    And the project manager selects "Revise" on the pro-forma invoice
    When the project manager confirms the pro-forma invoice
    Then the actuals of the project are:
      | Transaction type | Quantity | Amount    | Billing type | Adjustment status | Billing status |
      | Cost             | 8        | 800.00    |              |                   |                |
      | Billed sales     | 1        | 5,000.00  | Chargeable   | Adjusted          |                |
      | Billed sales     | -1       | -5,000.00 | Chargeable   | Unadjustable      |                |
