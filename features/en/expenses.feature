Feature: Expenses priced by expense category, through the whole integration
  Consultants incur expenses for the customer: airfare, mileage, hotels. Approving an expense creates a cost
  actual at the amount of the expense entry and, on a time and material contract line that includes expenses,
  an unbilled sales actual of the transaction class Expense. Its price comes from the category price of the
  expense's category on the contract's sales price list: Price per unit, At cost, or Markup over cost. From
  there the expense travels like time: the integration journal, the billing backlog, the pro-forma invoice,
  the project invoice proposal and the posted customer invoice.

  Sources: Microsoft Learn, pricing-costing/set-up-cost-sales-rates-expenses.md,
  psa/FAQ-zero-price-expense-sales-actuals.md, psa/FAQ-zero-price-expense-cost-actuals.md,
  proforma-invoicing/confirm-proforma-invoice.md, actuals/actuals-overview.md.

  Background:
    Given the legal entity "USPM" with accounting currency "USD" and 10% sales tax
    And the project contract "ERP rollout" for customer "Contoso Ltd."
    And the contract bills time and material at 200.00 per hour, at a cost of 100.00 per hour
    And the contract's sales price list has these category prices:
      | Airfare | Markup over cost | | 10 |
      | Mileage | Price per unit | 0.50 | |
      | Hotel | At cost | | |

  @id:expense-markup @doc:rule.expense-markup-over-cost @doc:rule.expense-cost-from-entry
  Scenario: Airfare is billed at its cost plus the markup of its category
    When "Bob" has an approved expense of 400.00 in the expense category "Airfare"
    Then the actuals of the expense are:
      | Transaction type | Transaction class | Quantity | Price  | Amount |
      | Cost             | Expense           | 1        | 400.00 | 400.00 |
      | Unbilled sales   | Expense           | 1        | 440.00 | 440.00 |

  @id:expense-per-unit @doc:rule.expense-price-per-unit @doc:rule.expense-quantity @convention
  Scenario: Mileage is billed at the price per unit of its category (the quantity of an expense is our convention)
    When "Bob" has an approved expense of 54.00 for 120 units in the expense category "Mileage"
    Then the actuals of the expense are:
      | Transaction type | Quantity | Price | Amount |
      | Cost             | 120      | 0.45  | 54.00  |
      | Unbilled sales   | 120      | 0.50  | 60.00  |

  @id:expense-at-cost @doc:rule.expense-at-cost @doc:rule.category-price-currency
  Scenario: A hotel is billed at cost, in the currency of the price list
    When "Bob" has an approved expense of 189.90 in the expense category "Hotel"
    Then the actuals of the expense are:
      | Transaction type | Quantity | Price  | Amount |
      | Cost             | 1        | 189.90 | 189.90 |
      | Unbilled sales   | 1        | 189.90 | 189.90 |
    And the category prices are in the currency "USD"

  @id:expense-no-category-price @doc:rule.expense-no-category-price-zero
  Scenario: An expense category without a category price gets a sales price of zero
    When "Bob" has an approved expense of 35.00 in the expense category "Meals"
    Then the actuals of the expense are:
      | Transaction type | Quantity | Price | Amount |
      | Cost             | 1        | 35.00 | 35.00  |
      | Unbilled sales   | 1        | 0.00  | 0.00   |

  @id:expense-price-list-dates @doc:rule.expense-price-list-by-date
  Scenario: A sales price list that isn't valid on the expense date gives no price
    Given the contract's sales price list is valid from "2025-01-01" to "2025-12-31"
    When "Bob" has an approved expense of 400.00 in the expense category "Airfare"
    Then the actuals of the expense are:
      | Transaction type | Quantity | Price  | Amount |
      | Cost             | 1        | 400.00 | 400.00 |
      | Unbilled sales   | 1        | 0.00   | 0.00   |

  @id:expense-line-excludes @doc:rule.contract-line-includes-class
  Scenario: On a contract line that doesn't include expenses, an expense has a cost actual only
    Given the contract line does not include expenses
    When "Bob" has an approved expense of 400.00 in the expense category "Airfare"
    Then the actuals of the expense are:
      | Transaction type | Quantity | Amount |
      | Cost             | 1        | 400.00 |

  @id:expense-conventions @doc:rule.include-class-unset @doc:rule.contract-price-list-header @convention
  Scenario: Our convention: a contract line without Include Expense set takes expenses, priced by the price list on the contract header
    When "Bob" has an approved expense of 400.00 in the expense category "Airfare"
    Then the actuals of the expense are:
      | Transaction type | Billing status         | Amount |
      | Cost             |                        | 400.00 |
      | Unbilled sales   | Unbilled sales created | 440.00 |

  @id:expense-with-time @doc:rule.actuals-on-approval @doc:rule.expense-markup-over-cost
  Scenario: Time and an expense on one invoice, from approval to the accounting details
    Given "Bob" worked 8 hours and the time is approved
    And "Bob" has an approved expense of 400.00 in the expense category "Airfare"
    And the unbilled sales are posted through the Project Operations integration journal
    When the project manager marks the billing backlog of the contract ready to invoice
    And the project manager creates a pro-forma invoice for the contract
    Then the pro-forma invoice totals 2,040.00
    When the project manager confirms the pro-forma invoice
    Then the actuals of the expense are:
      | Transaction type | Quantity | Amount  | Billing status         |
      | Cost             | 1        | 400.00  |                        |
      | Unbilled sales   | 1        | 440.00  | Customer invoice posted |
      | Unbilled sales   | -1       | -440.00 | Customer invoice posted |
      | Billed sales     | 1        | 440.00  |                        |
    And the billed sales actual of the expense has no "Voucher number" yet
    When the periodic process "Import from staging table" runs
    And the project accountant posts the project invoice proposal
    Then the project invoice proposal has 2 lines
    And the project invoice proposal has an expense line of 440.00
    And the project invoice proposal amounts to 2,040.00
    And the voucher number of the expense's billed sales actual is the voucher of the posted customer invoice
