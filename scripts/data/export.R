# Writes the data sets that come from Debian packages as plain files under datasets/ (see
# ../shared/DATA.md and scripts/datasets.sh, which extracts the .debs into .cache/debs/ first).
# Usage: Rscript scripts/data/export.R <root of extracted debs> <output folder>
args <- commandArgs(trailingOnly = TRUE)
root <- args[[1]]
out <- args[[2]]
dir.create(out, showWarnings = FALSE, recursive = TRUE)

sklearn <- file.path(root, "python3-sklearn/usr/lib/python3/dist-packages/sklearn/datasets/data")

# sklearn's CSVs start with a "rows,cols,class names…" line; give them a real header and class names.
sklearn_csv <- function(file, features, target, classes, out_name) {
  header <- strsplit(readLines(file.path(sklearn, file), n = 1), ",")[[1]]
  d <- read.csv(file.path(sklearn, file), skip = 1, header = FALSE)
  stopifnot(ncol(d) == length(features) + 1)
  names(d) <- c(features, target)
  if (!is.null(classes)) d[[target]] <- classes[d[[target]] + 1]
  write.csv(d, file.path(out, out_name), row.names = FALSE, quote = FALSE)
}

sklearn_csv("iris.csv",
  c("sepal_length", "sepal_width", "petal_length", "petal_width"), "species",
  c("setosa", "versicolor", "virginica"), "iris.csv")
sklearn_csv("wine_data.csv",
  c("alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols",
    "flavanoids", "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue",
    "od280_od315", "proline"), "cultivar", c("class_0", "class_1", "class_2"), "wine.csv")
sklearn_csv("breast_cancer.csv",
  c("mean_radius", "mean_texture", "mean_perimeter", "mean_area", "mean_smoothness",
    "mean_compactness", "mean_concavity", "mean_concave_points", "mean_symmetry",
    "mean_fractal_dimension", "radius_error", "texture_error", "perimeter_error", "area_error",
    "smoothness_error", "compactness_error", "concavity_error", "concave_points_error",
    "symmetry_error", "fractal_dimension_error", "worst_radius", "worst_texture",
    "worst_perimeter", "worst_area", "worst_smoothness", "worst_compactness", "worst_concavity",
    "worst_concave_points", "worst_symmetry", "worst_fractal_dimension"), "diagnosis",
  c("malignant", "benign"), "breast-cancer.csv")

# 8×8 digits: 64 pixel columns (0–16) and the digit, no header line in the source.
digits <- read.csv(gzfile(file.path(sklearn, "digits.csv.gz")), header = FALSE)
names(digits) <- c(sprintf("p%02d", 0:63), "digit")
write.csv(digits, file.path(out, "digits.csv"), row.names = FALSE, quote = FALSE)

# Lazy-load R packages: load their data base into an environment.
lazy <- function(pkg, name) {
  e <- new.env()
  lazyLoad(file.path(root, pkg, "usr/lib/R/site-library", sub("^r-cran-", "", pkg), "data/Rdata"), envir = e)
  e
}

# MovieLens small (2016), from dslabs: userId, movieId, rating, timestamp + a movies table.
ml <- lazy("r-cran-dslabs")$movielens
ratings <- ml[, c("userId", "movieId", "rating", "timestamp")]
write.csv(ratings, file.path(out, "movielens-ratings.csv"), row.names = FALSE, quote = FALSE)
movies <- unique(ml[, c("movieId", "title", "year", "genres")])
movies <- movies[order(movies$movieId), ]
write.csv(movies, file.path(out, "movielens-movies.csv"), row.names = FALSE, fileEncoding = "UTF-8")

# Jane Austen's six novels, one after another, as UTF-8 text.
ja <- lazy("r-cran-janeaustenr")
books <- c("sensesensibility", "prideprejudice", "mansfieldpark", "emma", "northangerabbey", "persuasion")
text <- unlist(lapply(books, function(b) get(b, envir = ja)))
con <- file(file.path(out, "austen.txt"), encoding = "UTF-8")
writeLines(enc2utf8(text), con)
close(con)

# Ames housing (De Cock 2011), from modeldata: 2930 sales × 74 columns (Sale_Price, numeric and
# categorical features). Factors are written as their labels.
ames <- lazy("r-cran-modeldata")$ames
write.csv(ames, file.path(out, "ames.csv"), row.names = FALSE)

# Titanic passengers and crew (2207 people), from stablelearner's standalone .rda. Names and ticket
# numbers are left out (they identify people and are not features); a missing age or fare is an empty
# cell. survived is "yes"/"no".
e <- new.env()
load(file.path(root, "r-cran-stablelearner/usr/lib/R/site-library/stablelearner/data/titanic.rda"), envir = e)
titanic <- e$titanic[, c("survived", "gender", "age", "class", "embarked", "country", "fare", "sibsp", "parch")]
write.csv(titanic, file.path(out, "titanic.csv"), row.names = FALSE, na = "")
