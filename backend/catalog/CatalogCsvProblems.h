#pragma once

#include "backend/catalog/CatalogImport.h"
#include "backend/catalog/Csv.h"
#include "backend/core/Currency.h"
#include "backend/core/Error.h"

/// Private to the catalog CSV reader (CatalogCsv.cpp): how it words what it found wrong.
namespace souk::catalog::csvproblems {

/// The sentence for a CSV line parseCsvLenient() could not read.
ProblemText csvIssueText(const CsvIssue& issue);

/// The sentence for an amount Money::parse() refused (`error`), told apart by the text itself.
ProblemText amountText(const Error& error, const QString& value, const Currency& currency);

/// Puts the first ImportErrorsMax errors in file order (the "too many" row stays last). Stable.
void sortPlanErrors(ImportPlan& plan);

} // namespace souk::catalog::csvproblems
