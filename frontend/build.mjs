// Builds the static site into dist/:
//   - renders every Nunjucks page under src/pages/ with govuk-frontend's own macros
//     (src/pages/sign-in.njk -> dist/sign-in/index.html, so clean URLs work on any static server;
//     index.njk -> dist/index.html; 404.njk -> both dist/404.html and dist/404/index.html, the
//     page a server sends with its 404 status),
//   - copies govuk-frontend's CSS, JS and assets (its CSS refers to /assets/fonts and /assets/images),
//   - copies accessible-autocomplete's CSS and JS,
//   - copies MOJ Frontend's CSS and the icons it refers to (filter, messages),
//   - bundles our page scripts (plain ES modules) with esbuild.
// Works offline: everything comes from node_modules.
import { createHash } from 'node:crypto'
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

import * as esbuild from 'esbuild'
import nunjucks from 'nunjucks'

const root = dirname(fileURLToPath(import.meta.url))
const src = join(root, 'src')
const dist = join(root, 'dist')
const modules = join(root, 'node_modules')
const govuk = join(modules, 'govuk-frontend', 'dist', 'govuk')
const autocomplete = join(modules, 'accessible-autocomplete', 'dist')
const moj = join(modules, '@ministryofjustice', 'frontend', 'moj')

const site = JSON.parse(readFileSync(join(src, 'data', 'site.json'), 'utf8'))
const grades = JSON.parse(readFileSync(join(src, 'data', 'grades.json'), 'utf8'))
const profileFields = JSON.parse(readFileSync(join(src, 'data', 'profile-fields.json'), 'utf8'))
const matchStrengths = JSON.parse(readFileSync(join(src, 'data', 'match-strength.json'), 'utf8'))

function listFiles (dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? listFiles(path) : [path]
  })
}

/** Changes whenever our sources or the vendor packages change: appended to asset URLs (?v=). */
function assetVersion () {
  const hash = createHash('sha256')
  for (const path of listFiles(src).sort()) hash.update(readFileSync(path))
  hash.update(readFileSync(join(root, 'package-lock.json')))
  return hash.digest('hex').slice(0, 12)
}

/** src/pages/profile/edit.njk -> { url: '/profile/edit', files: ['profile/edit/index.html'] } */
function pageRoute (templatePath) {
  const name = relative(join(src, 'pages'), templatePath).split(sep).join('/').replace(/\.njk$/, '')
  if (name === 'index') return { url: '/', files: ['index.html'] }
  if (name === '404') return { url: null, files: ['404.html', '404/index.html'] }
  return { url: `/${name}`, files: [`${name}/index.html`] }
}

// govuk-frontend's page template starts the body with one inline script (it marks the page as
// having JavaScript). The site's Content-Security-Policy allows no inline script, so the same
// statement is served as a file instead; the build fails if any page keeps an inline script.
const GOVUK_INLINE_SCRIPT = /<script>(document\.body\.className \+= [^<]*)<\/script>/
let govukInitScript = null

function withoutInlineScript (html, page) {
  const found = html.match(GOVUK_INLINE_SCRIPT)
  if (found) {
    govukInitScript = found[1]
    html = html.replace(GOVUK_INLINE_SCRIPT, '<script src="/javascripts/govuk-init.js"></script>')
  }
  if (/<script(?![^>]*\ssrc=)[^>]*>/.test(html)) throw new Error(`${page}: inline script (the CSP refuses it)`)
  return html
}

function renderPages (version) {
  const env = nunjucks.configure([join(src, 'templates'), join(src, 'pages'), join(modules, 'govuk-frontend', 'dist')], {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true
  })
  const pages = listFiles(join(src, 'pages')).filter((path) => path.endsWith('.njk'))
  for (const templatePath of pages) {
    const route = pageRoute(templatePath)
    const html = env.render(relative(join(src, 'pages'), templatePath).split(sep).join('/'), {
      site,
      grades,
      profileFields,
      matchStrengths,
      currentUrl: route.url,
      assetVersion: version
    })
    const page = withoutInlineScript(html, templatePath)
    for (const file of route.files) {
      const out = join(dist, file)
      mkdirSync(dirname(out), { recursive: true })
      writeFileSync(out, page)
    }
  }
  return pages.map(pageRoute)
}

function copyVendorFiles () {
  cpSync(join(govuk, 'assets'), join(dist, 'assets'), { recursive: true })
  mkdirSync(join(dist, 'stylesheets'), { recursive: true })
  mkdirSync(join(dist, 'javascripts'), { recursive: true })
  for (const file of ['govuk-frontend.min.css', 'govuk-frontend.min.css.map']) {
    cpSync(join(govuk, file), join(dist, 'stylesheets', file))
  }
  for (const file of ['govuk-frontend.min.js', 'govuk-frontend.min.js.map']) {
    cpSync(join(govuk, file), join(dist, 'javascripts', file))
  }
  for (const file of ['accessible-autocomplete.min.css', 'accessible-autocomplete.min.css.map']) {
    cpSync(join(autocomplete, file), join(dist, 'stylesheets', file))
  }
  for (const file of ['accessible-autocomplete.min.js', 'accessible-autocomplete.min.js.map']) {
    cpSync(join(autocomplete, file), join(dist, 'javascripts', file))
  }
  for (const file of ['moj-frontend.min.css', 'moj-frontend.min.css.map']) {
    cpSync(join(moj, file), join(dist, 'stylesheets', file))
  }
  // MOJ Frontend's CSS asks for its icons under /assets/images, beside govuk-frontend's.
  for (const file of readdirSync(join(moj, 'assets', 'images')).filter((name) => /^icon-.*\.svg$/.test(name))) {
    cpSync(join(moj, 'assets', 'images', file), join(dist, 'assets', 'images', file))
  }
  cpSync(join(src, 'css', 'app.css'), join(dist, 'stylesheets', 'app.css'))
  if (govukInitScript) writeFileSync(join(dist, 'javascripts', 'govuk-init.js'), `${govukInitScript}\n`)
}

/** govuk-frontend's module as the scripts import it: its URL names a hash of the file (?v=), so a
 * browser fetches it again after an upgrade, and every importer names the same URL (one module). */
function govukModuleUrl () {
  const hash = createHash('sha256').update(readFileSync(join(govuk, 'govuk-frontend.min.js')))
  return `/javascripts/govuk-frontend.min.js?v=${hash.digest('hex').slice(0, 12)}`
}

async function bundleScripts () {
  const govukModule = govukModuleUrl()
  const entryPoints = listFiles(join(src, 'js', 'pages')).filter((path) => path.endsWith('.mjs'))
  await esbuild.build({
    entryPoints,
    outdir: join(dist, 'javascripts', 'pages'),
    bundle: true,
    splitting: true,
    format: 'esm',
    target: ['es2020'],
    minify: true,
    sourcemap: true,
    outExtension: { '.js': '.js' },
    chunkNames: '../chunks/[name]-[hash]',
    // govuk-frontend is loaded once, from the copy in dist/javascripts, by every page (our
    // scripts and MOJ Frontend's components import 'govuk-frontend': they all get that same copy).
    alias: { 'govuk-frontend': govukModule },
    external: [govukModule],
    logLevel: 'warning'
  })
}

rmSync(dist, { recursive: true, force: true })
mkdirSync(dist, { recursive: true })
const routes = renderPages(assetVersion())
copyVendorFiles()
await bundleScripts()
const urls = routes.map((route) => route.url ?? '(404 page)').sort()
console.log(`Built ${routes.length} pages into ${relative(process.cwd(), dist) || 'dist'}: ${urls.join(' ')}`)
