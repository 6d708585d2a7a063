#include "models/catalog/CatalogText.h"

#include <QCoreApplication>

namespace souk {
namespace {

class CatalogTextTr final
{
    Q_DECLARE_TR_FUNCTIONS(CatalogText)
};

} // namespace

QString CatalogText::status(catalog::ProductStatus status)
{
    switch (status) {
    case catalog::ProductStatus::Draft:
        return CatalogTextTr::tr("Draft", "product status");
    case catalog::ProductStatus::Active:
        return CatalogTextTr::tr("Active", "product status");
    case catalog::ProductStatus::Archived:
        return CatalogTextTr::tr("Archived", "product status");
    }
    return catalog::statusName(status);
}

QList<catalog::ProductStatus> CatalogText::statuses()
{
    return {catalog::ProductStatus::Active, catalog::ProductStatus::Draft, catalog::ProductStatus::Archived};
}

} // namespace souk
