// Real documents for the tests, made from scratch: a baseline JPEG, a PNG
// (stored-deflate image data) and a PDF with a correct cross-reference
// table. Each can be padded to a size and varied by a seed so that two
// documents differ in their bytes.
#ifndef ADUAN_TESTS_TEST_DOCUMENTS_H_
#define ADUAN_TESTS_TEST_DOCUMENTS_H_

#include <cstddef>
#include <string>

namespace aduan::testing {

// An 8×8 grey baseline JPEG of at least `min_bytes` (padded with comment
// segments).
std::string MakeJpeg(size_t min_bytes = 0, int seed = 0);

// A greyscale PNG, 256 pixels wide, tall enough for `min_bytes`.
std::string MakePng(size_t min_bytes = 0, int seed = 0);

// A one-page PDF whose page content names `text`, of exactly `min_bytes`
// when that is more than its natural size; `catalog_extra` goes into the
// document catalog ("/OpenAction [3 0 R /Fit]").
std::string MakePdf(const std::string& text = "Laporan", size_t min_bytes = 0,
                    const std::string& catalog_extra = "");

}  // namespace aduan::testing

#endif  // ADUAN_TESTS_TEST_DOCUMENTS_H_
