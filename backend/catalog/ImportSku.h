#pragma once

#include <QString>
#include <QStringList>

namespace souk::catalog {

/// The SKU Souk gives a variant that a file lists without one (Shopify allows that): the product's
/// handle and the variant's option values, each as makeHandle() writes it, joined by dashes
/// ("classic-tee" + {"S", "Blue"} -> "classic-tee-s-blue"; a product without options gets its
/// handle). It depends on nothing else, so importing the same file again finds the same variants.
/// A value with no letter or digit stands as a short hash of itself; a SKU over Limits::ShortTextMax
/// is cut and ends in a hash of the whole. Pure function, any thread.
QString derivedSku(const QString& handle, const QStringList& optionValues);

} // namespace souk::catalog
