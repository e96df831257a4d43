import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  reviewModelsFor,
  runReviewJob
} from "./chunk-JCERY5N6.js";
import {
  scrumHelp
} from "./chunk-YFYGGD3R.js";
import {
  ForgeError,
  UnsupportedError
} from "./chunk-CHRPTEUR.js";
import {
  createBranchStore,
  credentialedUrl,
  gitRemoteFor,
  secretsOf
} from "./chunk-YNDQCUKL.js";
import {
  sanitizeModelText
} from "./chunk-JYKYN4DB.js";
import {
  initParsers
} from "./chunk-3UQTJ3QH.js";
import {
  redactSecrets
} from "./chunk-L2TXTNVD.js";
import {
  VERSION
} from "./chunk-ART3RKJ5.js";
import {
  ConfigError
} from "./chunk-MNAF46MU.js";
import {
  external_exports
} from "./chunk-VFFGMFW5.js";
import {
  __commonJS,
  __toESM
} from "./chunk-4TII4YUW.js";

// node_modules/content-type/dist/index.js
var require_dist = __commonJS({
  "node_modules/content-type/dist/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.format = format;
    exports.parse = parse3;
    var TEXT_REGEXP = /^[\u0009\u0020-\u007e\u0080-\u00ff]*$/;
    var TOKEN_REGEXP = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
    var QUOTE_REGEXP = /[\\"]/g;
    var TYPE_REGEXP = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
    var NullObject = /* @__PURE__ */ (() => {
      const C = function() {
      };
      C.prototype = /* @__PURE__ */ Object.create(null);
      return C;
    })();
    function format(obj) {
      const { type, parameters } = obj;
      if (!type || !TYPE_REGEXP.test(type)) {
        throw new TypeError(`Invalid type: ${type}`);
      }
      let result = type;
      if (parameters) {
        for (const param of Object.keys(parameters)) {
          if (!TOKEN_REGEXP.test(param)) {
            throw new TypeError(`Invalid parameter name: ${param}`);
          }
          result += `; ${param}=${qstring(parameters[param])}`;
        }
      }
      return result;
    }
    function parse3(header, options) {
      const stopChar = options?.comma === true ? COMMA : 65536;
      const len = header.length;
      let index = skipOWS(header, options?.start ?? 0, len);
      const valueStart = index;
      index = skipValue(header, index, len, stopChar);
      const valueEnd = trailingOWS(header, valueStart, index);
      const type = header.slice(valueStart, valueEnd).toLowerCase();
      if (options?.parameters === false) {
        return { type, index, parameters: new NullObject() };
      }
      return parseParameters(header, type, index, len, stopChar);
    }
    var SP = 32;
    var HTAB = 9;
    var SEMI = 59;
    var EQ = 61;
    var DQUOTE = 34;
    var BSLASH = 92;
    var COMMA = 44;
    function parseParameters(header, type, index, len, stopChar) {
      const parameters = new NullObject();
      parameter: while (index < len) {
        if (header.charCodeAt(index) === stopChar)
          break;
        index = skipOWS(header, index + 1, len);
        const keyStart = index;
        while (index < len) {
          const code = header.charCodeAt(index);
          if (code === stopChar)
            break parameter;
          if (code === SEMI)
            continue parameter;
          if (code === EQ) {
            const keyEnd = trailingOWS(header, keyStart, index);
            const key = header.slice(keyStart, keyEnd).toLowerCase();
            index = skipOWS(header, index + 1, len);
            if (index < len && header.charCodeAt(index) === DQUOTE) {
              index++;
              let value = "";
              while (index < len) {
                const code2 = header.charCodeAt(index++);
                if (code2 === DQUOTE) {
                  index = skipValue(header, index, len, stopChar);
                  if (parameters[key] === void 0)
                    parameters[key] = value;
                  break;
                }
                if (code2 === BSLASH && index < len) {
                  value += header[index++];
                  continue;
                }
                value += String.fromCharCode(code2);
              }
              continue parameter;
            }
            const valueStart = index;
            index = skipValue(header, index, len, stopChar);
            if (parameters[key] === void 0) {
              const valueEnd = trailingOWS(header, valueStart, index);
              parameters[key] = header.slice(valueStart, valueEnd);
            }
            continue parameter;
          }
          index++;
        }
      }
      return { type, index, parameters };
    }
    function skipValue(str, index, len, stopChar) {
      while (index < len) {
        const code = str.charCodeAt(index);
        if (code === SEMI || code === stopChar)
          break;
        index++;
      }
      return index;
    }
    function skipOWS(header, index, len) {
      while (index < len) {
        const char = header.charCodeAt(index);
        if (char !== SP && char !== HTAB)
          break;
        index++;
      }
      return index;
    }
    function trailingOWS(header, start, end) {
      while (end > start) {
        const char = header.charCodeAt(end - 1);
        if (char !== SP && char !== HTAB)
          break;
        end--;
      }
      return end;
    }
    function qstring(str) {
      if (TOKEN_REGEXP.test(str))
        return str;
      if (TEXT_REGEXP.test(str))
        return `"${str.replace(QUOTE_REGEXP, "\\$&")}"`;
      throw new TypeError(`Invalid parameter value: ${str}`);
    }
  }
});

// node_modules/bottleneck/light.js
var require_light = __commonJS({
  "node_modules/bottleneck/light.js"(exports, module) {
    (function(global2, factory) {
      typeof exports === "object" && typeof module !== "undefined" ? module.exports = factory() : typeof define === "function" && define.amd ? define(factory) : global2.Bottleneck = factory();
    })(exports, (function() {
      "use strict";
      var commonjsGlobal = typeof globalThis !== "undefined" ? globalThis : typeof window !== "undefined" ? window : typeof global !== "undefined" ? global : typeof self !== "undefined" ? self : {};
      function getCjsExportFromNamespace(n) {
        return n && n["default"] || n;
      }
      var load = function(received, defaults, onto = {}) {
        var k, ref, v;
        for (k in defaults) {
          v = defaults[k];
          onto[k] = (ref = received[k]) != null ? ref : v;
        }
        return onto;
      };
      var overwrite = function(received, defaults, onto = {}) {
        var k, v;
        for (k in received) {
          v = received[k];
          if (defaults[k] !== void 0) {
            onto[k] = v;
          }
        }
        return onto;
      };
      var parser = {
        load,
        overwrite
      };
      var DLList;
      DLList = class DLList {
        constructor(incr, decr) {
          this.incr = incr;
          this.decr = decr;
          this._first = null;
          this._last = null;
          this.length = 0;
        }
        push(value) {
          var node;
          this.length++;
          if (typeof this.incr === "function") {
            this.incr();
          }
          node = {
            value,
            prev: this._last,
            next: null
          };
          if (this._last != null) {
            this._last.next = node;
            this._last = node;
          } else {
            this._first = this._last = node;
          }
          return void 0;
        }
        shift() {
          var value;
          if (this._first == null) {
            return;
          } else {
            this.length--;
            if (typeof this.decr === "function") {
              this.decr();
            }
          }
          value = this._first.value;
          if ((this._first = this._first.next) != null) {
            this._first.prev = null;
          } else {
            this._last = null;
          }
          return value;
        }
        first() {
          if (this._first != null) {
            return this._first.value;
          }
        }
        getArray() {
          var node, ref, results;
          node = this._first;
          results = [];
          while (node != null) {
            results.push((ref = node, node = node.next, ref.value));
          }
          return results;
        }
        forEachShift(cb) {
          var node;
          node = this.shift();
          while (node != null) {
            cb(node), node = this.shift();
          }
          return void 0;
        }
        debug() {
          var node, ref, ref1, ref2, results;
          node = this._first;
          results = [];
          while (node != null) {
            results.push((ref = node, node = node.next, {
              value: ref.value,
              prev: (ref1 = ref.prev) != null ? ref1.value : void 0,
              next: (ref2 = ref.next) != null ? ref2.value : void 0
            }));
          }
          return results;
        }
      };
      var DLList_1 = DLList;
      var Events;
      Events = class Events {
        constructor(instance) {
          this.instance = instance;
          this._events = {};
          if (this.instance.on != null || this.instance.once != null || this.instance.removeAllListeners != null) {
            throw new Error("An Emitter already exists for this object");
          }
          this.instance.on = (name, cb) => {
            return this._addListener(name, "many", cb);
          };
          this.instance.once = (name, cb) => {
            return this._addListener(name, "once", cb);
          };
          this.instance.removeAllListeners = (name = null) => {
            if (name != null) {
              return delete this._events[name];
            } else {
              return this._events = {};
            }
          };
        }
        _addListener(name, status, cb) {
          var base;
          if ((base = this._events)[name] == null) {
            base[name] = [];
          }
          this._events[name].push({ cb, status });
          return this.instance;
        }
        listenerCount(name) {
          if (this._events[name] != null) {
            return this._events[name].length;
          } else {
            return 0;
          }
        }
        async trigger(name, ...args) {
          var e, promises;
          try {
            if (name !== "debug") {
              this.trigger("debug", `Event triggered: ${name}`, args);
            }
            if (this._events[name] == null) {
              return;
            }
            this._events[name] = this._events[name].filter(function(listener) {
              return listener.status !== "none";
            });
            promises = this._events[name].map(async (listener) => {
              var e2, returned;
              if (listener.status === "none") {
                return;
              }
              if (listener.status === "once") {
                listener.status = "none";
              }
              try {
                returned = typeof listener.cb === "function" ? listener.cb(...args) : void 0;
                if (typeof (returned != null ? returned.then : void 0) === "function") {
                  return await returned;
                } else {
                  return returned;
                }
              } catch (error) {
                e2 = error;
                {
                  this.trigger("error", e2);
                }
                return null;
              }
            });
            return (await Promise.all(promises)).find(function(x) {
              return x != null;
            });
          } catch (error) {
            e = error;
            {
              this.trigger("error", e);
            }
            return null;
          }
        }
      };
      var Events_1 = Events;
      var DLList$1, Events$1, Queues;
      DLList$1 = DLList_1;
      Events$1 = Events_1;
      Queues = class Queues {
        constructor(num_priorities) {
          var i;
          this.Events = new Events$1(this);
          this._length = 0;
          this._lists = (function() {
            var j, ref, results;
            results = [];
            for (i = j = 1, ref = num_priorities; 1 <= ref ? j <= ref : j >= ref; i = 1 <= ref ? ++j : --j) {
              results.push(new DLList$1((() => {
                return this.incr();
              }), (() => {
                return this.decr();
              })));
            }
            return results;
          }).call(this);
        }
        incr() {
          if (this._length++ === 0) {
            return this.Events.trigger("leftzero");
          }
        }
        decr() {
          if (--this._length === 0) {
            return this.Events.trigger("zero");
          }
        }
        push(job) {
          return this._lists[job.options.priority].push(job);
        }
        queued(priority) {
          if (priority != null) {
            return this._lists[priority].length;
          } else {
            return this._length;
          }
        }
        shiftAll(fn) {
          return this._lists.forEach(function(list) {
            return list.forEachShift(fn);
          });
        }
        getFirst(arr = this._lists) {
          var j, len, list;
          for (j = 0, len = arr.length; j < len; j++) {
            list = arr[j];
            if (list.length > 0) {
              return list;
            }
          }
          return [];
        }
        shiftLastFrom(priority) {
          return this.getFirst(this._lists.slice(priority).reverse()).shift();
        }
      };
      var Queues_1 = Queues;
      var BottleneckError;
      BottleneckError = class BottleneckError extends Error {
      };
      var BottleneckError_1 = BottleneckError;
      var BottleneckError$1, DEFAULT_PRIORITY, Job, NUM_PRIORITIES, parser$1;
      NUM_PRIORITIES = 10;
      DEFAULT_PRIORITY = 5;
      parser$1 = parser;
      BottleneckError$1 = BottleneckError_1;
      Job = class Job {
        constructor(task, args, options, jobDefaults, rejectOnDrop, Events2, _states, Promise2) {
          this.task = task;
          this.args = args;
          this.rejectOnDrop = rejectOnDrop;
          this.Events = Events2;
          this._states = _states;
          this.Promise = Promise2;
          this.options = parser$1.load(options, jobDefaults);
          this.options.priority = this._sanitizePriority(this.options.priority);
          if (this.options.id === jobDefaults.id) {
            this.options.id = `${this.options.id}-${this._randomIndex()}`;
          }
          this.promise = new this.Promise((_resolve, _reject) => {
            this._resolve = _resolve;
            this._reject = _reject;
          });
          this.retryCount = 0;
        }
        _sanitizePriority(priority) {
          var sProperty;
          sProperty = ~~priority !== priority ? DEFAULT_PRIORITY : priority;
          if (sProperty < 0) {
            return 0;
          } else if (sProperty > NUM_PRIORITIES - 1) {
            return NUM_PRIORITIES - 1;
          } else {
            return sProperty;
          }
        }
        _randomIndex() {
          return Math.random().toString(36).slice(2);
        }
        doDrop({ error, message = "This job has been dropped by Bottleneck" } = {}) {
          if (this._states.remove(this.options.id)) {
            if (this.rejectOnDrop) {
              this._reject(error != null ? error : new BottleneckError$1(message));
            }
            this.Events.trigger("dropped", { args: this.args, options: this.options, task: this.task, promise: this.promise });
            return true;
          } else {
            return false;
          }
        }
        _assertStatus(expected) {
          var status;
          status = this._states.jobStatus(this.options.id);
          if (!(status === expected || expected === "DONE" && status === null)) {
            throw new BottleneckError$1(`Invalid job status ${status}, expected ${expected}. Please open an issue at https://github.com/SGrondin/bottleneck/issues`);
          }
        }
        doReceive() {
          this._states.start(this.options.id);
          return this.Events.trigger("received", { args: this.args, options: this.options });
        }
        doQueue(reachedHWM, blocked) {
          this._assertStatus("RECEIVED");
          this._states.next(this.options.id);
          return this.Events.trigger("queued", { args: this.args, options: this.options, reachedHWM, blocked });
        }
        doRun() {
          if (this.retryCount === 0) {
            this._assertStatus("QUEUED");
            this._states.next(this.options.id);
          } else {
            this._assertStatus("EXECUTING");
          }
          return this.Events.trigger("scheduled", { args: this.args, options: this.options });
        }
        async doExecute(chained, clearGlobalState, run, free) {
          var error, eventInfo, passed;
          if (this.retryCount === 0) {
            this._assertStatus("RUNNING");
            this._states.next(this.options.id);
          } else {
            this._assertStatus("EXECUTING");
          }
          eventInfo = { args: this.args, options: this.options, retryCount: this.retryCount };
          this.Events.trigger("executing", eventInfo);
          try {
            passed = await (chained != null ? chained.schedule(this.options, this.task, ...this.args) : this.task(...this.args));
            if (clearGlobalState()) {
              this.doDone(eventInfo);
              await free(this.options, eventInfo);
              this._assertStatus("DONE");
              return this._resolve(passed);
            }
          } catch (error1) {
            error = error1;
            return this._onFailure(error, eventInfo, clearGlobalState, run, free);
          }
        }
        doExpire(clearGlobalState, run, free) {
          var error, eventInfo;
          if (this._states.jobStatus(this.options.id === "RUNNING")) {
            this._states.next(this.options.id);
          }
          this._assertStatus("EXECUTING");
          eventInfo = { args: this.args, options: this.options, retryCount: this.retryCount };
          error = new BottleneckError$1(`This job timed out after ${this.options.expiration} ms.`);
          return this._onFailure(error, eventInfo, clearGlobalState, run, free);
        }
        async _onFailure(error, eventInfo, clearGlobalState, run, free) {
          var retry2, retryAfter;
          if (clearGlobalState()) {
            retry2 = await this.Events.trigger("failed", error, eventInfo);
            if (retry2 != null) {
              retryAfter = ~~retry2;
              this.Events.trigger("retry", `Retrying ${this.options.id} after ${retryAfter} ms`, eventInfo);
              this.retryCount++;
              return run(retryAfter);
            } else {
              this.doDone(eventInfo);
              await free(this.options, eventInfo);
              this._assertStatus("DONE");
              return this._reject(error);
            }
          }
        }
        doDone(eventInfo) {
          this._assertStatus("EXECUTING");
          this._states.next(this.options.id);
          return this.Events.trigger("done", eventInfo);
        }
      };
      var Job_1 = Job;
      var BottleneckError$2, LocalDatastore, parser$2;
      parser$2 = parser;
      BottleneckError$2 = BottleneckError_1;
      LocalDatastore = class LocalDatastore {
        constructor(instance, storeOptions, storeInstanceOptions) {
          this.instance = instance;
          this.storeOptions = storeOptions;
          this.clientId = this.instance._randomIndex();
          parser$2.load(storeInstanceOptions, storeInstanceOptions, this);
          this._nextRequest = this._lastReservoirRefresh = this._lastReservoirIncrease = Date.now();
          this._running = 0;
          this._done = 0;
          this._unblockTime = 0;
          this.ready = this.Promise.resolve();
          this.clients = {};
          this._startHeartbeat();
        }
        _startHeartbeat() {
          var base;
          if (this.heartbeat == null && (this.storeOptions.reservoirRefreshInterval != null && this.storeOptions.reservoirRefreshAmount != null || this.storeOptions.reservoirIncreaseInterval != null && this.storeOptions.reservoirIncreaseAmount != null)) {
            return typeof (base = this.heartbeat = setInterval(() => {
              var amount, incr, maximum, now, reservoir;
              now = Date.now();
              if (this.storeOptions.reservoirRefreshInterval != null && now >= this._lastReservoirRefresh + this.storeOptions.reservoirRefreshInterval) {
                this._lastReservoirRefresh = now;
                this.storeOptions.reservoir = this.storeOptions.reservoirRefreshAmount;
                this.instance._drainAll(this.computeCapacity());
              }
              if (this.storeOptions.reservoirIncreaseInterval != null && now >= this._lastReservoirIncrease + this.storeOptions.reservoirIncreaseInterval) {
                ({
                  reservoirIncreaseAmount: amount,
                  reservoirIncreaseMaximum: maximum,
                  reservoir
                } = this.storeOptions);
                this._lastReservoirIncrease = now;
                incr = maximum != null ? Math.min(amount, maximum - reservoir) : amount;
                if (incr > 0) {
                  this.storeOptions.reservoir += incr;
                  return this.instance._drainAll(this.computeCapacity());
                }
              }
            }, this.heartbeatInterval)).unref === "function" ? base.unref() : void 0;
          } else {
            return clearInterval(this.heartbeat);
          }
        }
        async __publish__(message) {
          await this.yieldLoop();
          return this.instance.Events.trigger("message", message.toString());
        }
        async __disconnect__(flush) {
          await this.yieldLoop();
          clearInterval(this.heartbeat);
          return this.Promise.resolve();
        }
        yieldLoop(t = 0) {
          return new this.Promise(function(resolve, reject) {
            return setTimeout(resolve, t);
          });
        }
        computePenalty() {
          var ref;
          return (ref = this.storeOptions.penalty) != null ? ref : 15 * this.storeOptions.minTime || 5e3;
        }
        async __updateSettings__(options) {
          await this.yieldLoop();
          parser$2.overwrite(options, options, this.storeOptions);
          this._startHeartbeat();
          this.instance._drainAll(this.computeCapacity());
          return true;
        }
        async __running__() {
          await this.yieldLoop();
          return this._running;
        }
        async __queued__() {
          await this.yieldLoop();
          return this.instance.queued();
        }
        async __done__() {
          await this.yieldLoop();
          return this._done;
        }
        async __groupCheck__(time) {
          await this.yieldLoop();
          return this._nextRequest + this.timeout < time;
        }
        computeCapacity() {
          var maxConcurrent, reservoir;
          ({ maxConcurrent, reservoir } = this.storeOptions);
          if (maxConcurrent != null && reservoir != null) {
            return Math.min(maxConcurrent - this._running, reservoir);
          } else if (maxConcurrent != null) {
            return maxConcurrent - this._running;
          } else if (reservoir != null) {
            return reservoir;
          } else {
            return null;
          }
        }
        conditionsCheck(weight) {
          var capacity;
          capacity = this.computeCapacity();
          return capacity == null || weight <= capacity;
        }
        async __incrementReservoir__(incr) {
          var reservoir;
          await this.yieldLoop();
          reservoir = this.storeOptions.reservoir += incr;
          this.instance._drainAll(this.computeCapacity());
          return reservoir;
        }
        async __currentReservoir__() {
          await this.yieldLoop();
          return this.storeOptions.reservoir;
        }
        isBlocked(now) {
          return this._unblockTime >= now;
        }
        check(weight, now) {
          return this.conditionsCheck(weight) && this._nextRequest - now <= 0;
        }
        async __check__(weight) {
          var now;
          await this.yieldLoop();
          now = Date.now();
          return this.check(weight, now);
        }
        async __register__(index, weight, expiration) {
          var now, wait;
          await this.yieldLoop();
          now = Date.now();
          if (this.conditionsCheck(weight)) {
            this._running += weight;
            if (this.storeOptions.reservoir != null) {
              this.storeOptions.reservoir -= weight;
            }
            wait = Math.max(this._nextRequest - now, 0);
            this._nextRequest = now + wait + this.storeOptions.minTime;
            return {
              success: true,
              wait,
              reservoir: this.storeOptions.reservoir
            };
          } else {
            return {
              success: false
            };
          }
        }
        strategyIsBlock() {
          return this.storeOptions.strategy === 3;
        }
        async __submit__(queueLength, weight) {
          var blocked, now, reachedHWM;
          await this.yieldLoop();
          if (this.storeOptions.maxConcurrent != null && weight > this.storeOptions.maxConcurrent) {
            throw new BottleneckError$2(`Impossible to add a job having a weight of ${weight} to a limiter having a maxConcurrent setting of ${this.storeOptions.maxConcurrent}`);
          }
          now = Date.now();
          reachedHWM = this.storeOptions.highWater != null && queueLength === this.storeOptions.highWater && !this.check(weight, now);
          blocked = this.strategyIsBlock() && (reachedHWM || this.isBlocked(now));
          if (blocked) {
            this._unblockTime = now + this.computePenalty();
            this._nextRequest = this._unblockTime + this.storeOptions.minTime;
            this.instance._dropAllQueued();
          }
          return {
            reachedHWM,
            blocked,
            strategy: this.storeOptions.strategy
          };
        }
        async __free__(index, weight) {
          await this.yieldLoop();
          this._running -= weight;
          this._done += weight;
          this.instance._drainAll(this.computeCapacity());
          return {
            running: this._running
          };
        }
      };
      var LocalDatastore_1 = LocalDatastore;
      var BottleneckError$3, States;
      BottleneckError$3 = BottleneckError_1;
      States = class States {
        constructor(status1) {
          this.status = status1;
          this._jobs = {};
          this.counts = this.status.map(function() {
            return 0;
          });
        }
        next(id) {
          var current, next2;
          current = this._jobs[id];
          next2 = current + 1;
          if (current != null && next2 < this.status.length) {
            this.counts[current]--;
            this.counts[next2]++;
            return this._jobs[id]++;
          } else if (current != null) {
            this.counts[current]--;
            return delete this._jobs[id];
          }
        }
        start(id) {
          var initial;
          initial = 0;
          this._jobs[id] = initial;
          return this.counts[initial]++;
        }
        remove(id) {
          var current;
          current = this._jobs[id];
          if (current != null) {
            this.counts[current]--;
            delete this._jobs[id];
          }
          return current != null;
        }
        jobStatus(id) {
          var ref;
          return (ref = this.status[this._jobs[id]]) != null ? ref : null;
        }
        statusJobs(status) {
          var k, pos, ref, results, v;
          if (status != null) {
            pos = this.status.indexOf(status);
            if (pos < 0) {
              throw new BottleneckError$3(`status must be one of ${this.status.join(", ")}`);
            }
            ref = this._jobs;
            results = [];
            for (k in ref) {
              v = ref[k];
              if (v === pos) {
                results.push(k);
              }
            }
            return results;
          } else {
            return Object.keys(this._jobs);
          }
        }
        statusCounts() {
          return this.counts.reduce(((acc, v, i) => {
            acc[this.status[i]] = v;
            return acc;
          }), {});
        }
      };
      var States_1 = States;
      var DLList$2, Sync;
      DLList$2 = DLList_1;
      Sync = class Sync {
        constructor(name, Promise2) {
          this.schedule = this.schedule.bind(this);
          this.name = name;
          this.Promise = Promise2;
          this._running = 0;
          this._queue = new DLList$2();
        }
        isEmpty() {
          return this._queue.length === 0;
        }
        async _tryToRun() {
          var args, cb, error, reject, resolve, returned, task;
          if (this._running < 1 && this._queue.length > 0) {
            this._running++;
            ({ task, args, resolve, reject } = this._queue.shift());
            cb = await (async function() {
              try {
                returned = await task(...args);
                return function() {
                  return resolve(returned);
                };
              } catch (error1) {
                error = error1;
                return function() {
                  return reject(error);
                };
              }
            })();
            this._running--;
            this._tryToRun();
            return cb();
          }
        }
        schedule(task, ...args) {
          var promise, reject, resolve;
          resolve = reject = null;
          promise = new this.Promise(function(_resolve, _reject) {
            resolve = _resolve;
            return reject = _reject;
          });
          this._queue.push({ task, args, resolve, reject });
          this._tryToRun();
          return promise;
        }
      };
      var Sync_1 = Sync;
      var version = "2.19.5";
      var version$1 = {
        version
      };
      var version$2 = /* @__PURE__ */ Object.freeze({
        version,
        default: version$1
      });
      var require$$2 = () => console.log("You must import the full version of Bottleneck in order to use this feature.");
      var require$$3 = () => console.log("You must import the full version of Bottleneck in order to use this feature.");
      var require$$4 = () => console.log("You must import the full version of Bottleneck in order to use this feature.");
      var Events$2, Group, IORedisConnection$1, RedisConnection$1, Scripts$1, parser$3;
      parser$3 = parser;
      Events$2 = Events_1;
      RedisConnection$1 = require$$2;
      IORedisConnection$1 = require$$3;
      Scripts$1 = require$$4;
      Group = (function() {
        class Group2 {
          constructor(limiterOptions = {}) {
            this.deleteKey = this.deleteKey.bind(this);
            this.limiterOptions = limiterOptions;
            parser$3.load(this.limiterOptions, this.defaults, this);
            this.Events = new Events$2(this);
            this.instances = {};
            this.Bottleneck = Bottleneck_1;
            this._startAutoCleanup();
            this.sharedConnection = this.connection != null;
            if (this.connection == null) {
              if (this.limiterOptions.datastore === "redis") {
                this.connection = new RedisConnection$1(Object.assign({}, this.limiterOptions, { Events: this.Events }));
              } else if (this.limiterOptions.datastore === "ioredis") {
                this.connection = new IORedisConnection$1(Object.assign({}, this.limiterOptions, { Events: this.Events }));
              }
            }
          }
          key(key = "") {
            var ref;
            return (ref = this.instances[key]) != null ? ref : (() => {
              var limiter;
              limiter = this.instances[key] = new this.Bottleneck(Object.assign(this.limiterOptions, {
                id: `${this.id}-${key}`,
                timeout: this.timeout,
                connection: this.connection
              }));
              this.Events.trigger("created", limiter, key);
              return limiter;
            })();
          }
          async deleteKey(key = "") {
            var deleted, instance;
            instance = this.instances[key];
            if (this.connection) {
              deleted = await this.connection.__runCommand__(["del", ...Scripts$1.allKeys(`${this.id}-${key}`)]);
            }
            if (instance != null) {
              delete this.instances[key];
              await instance.disconnect();
            }
            return instance != null || deleted > 0;
          }
          limiters() {
            var k, ref, results, v;
            ref = this.instances;
            results = [];
            for (k in ref) {
              v = ref[k];
              results.push({
                key: k,
                limiter: v
              });
            }
            return results;
          }
          keys() {
            return Object.keys(this.instances);
          }
          async clusterKeys() {
            var cursor, end, found, i, k, keys, len, next2, start;
            if (this.connection == null) {
              return this.Promise.resolve(this.keys());
            }
            keys = [];
            cursor = null;
            start = `b_${this.id}-`.length;
            end = "_settings".length;
            while (cursor !== 0) {
              [next2, found] = await this.connection.__runCommand__(["scan", cursor != null ? cursor : 0, "match", `b_${this.id}-*_settings`, "count", 1e4]);
              cursor = ~~next2;
              for (i = 0, len = found.length; i < len; i++) {
                k = found[i];
                keys.push(k.slice(start, -end));
              }
            }
            return keys;
          }
          _startAutoCleanup() {
            var base;
            clearInterval(this.interval);
            return typeof (base = this.interval = setInterval(async () => {
              var e, k, ref, results, time, v;
              time = Date.now();
              ref = this.instances;
              results = [];
              for (k in ref) {
                v = ref[k];
                try {
                  if (await v._store.__groupCheck__(time)) {
                    results.push(this.deleteKey(k));
                  } else {
                    results.push(void 0);
                  }
                } catch (error) {
                  e = error;
                  results.push(v.Events.trigger("error", e));
                }
              }
              return results;
            }, this.timeout / 2)).unref === "function" ? base.unref() : void 0;
          }
          updateSettings(options = {}) {
            parser$3.overwrite(options, this.defaults, this);
            parser$3.overwrite(options, options, this.limiterOptions);
            if (options.timeout != null) {
              return this._startAutoCleanup();
            }
          }
          disconnect(flush = true) {
            var ref;
            if (!this.sharedConnection) {
              return (ref = this.connection) != null ? ref.disconnect(flush) : void 0;
            }
          }
        }
        Group2.prototype.defaults = {
          timeout: 1e3 * 60 * 5,
          connection: null,
          Promise,
          id: "group-key"
        };
        return Group2;
      }).call(commonjsGlobal);
      var Group_1 = Group;
      var Batcher, Events$3, parser$4;
      parser$4 = parser;
      Events$3 = Events_1;
      Batcher = (function() {
        class Batcher2 {
          constructor(options = {}) {
            this.options = options;
            parser$4.load(this.options, this.defaults, this);
            this.Events = new Events$3(this);
            this._arr = [];
            this._resetPromise();
            this._lastFlush = Date.now();
          }
          _resetPromise() {
            return this._promise = new this.Promise((res, rej) => {
              return this._resolve = res;
            });
          }
          _flush() {
            clearTimeout(this._timeout);
            this._lastFlush = Date.now();
            this._resolve();
            this.Events.trigger("batch", this._arr);
            this._arr = [];
            return this._resetPromise();
          }
          add(data) {
            var ret;
            this._arr.push(data);
            ret = this._promise;
            if (this._arr.length === this.maxSize) {
              this._flush();
            } else if (this.maxTime != null && this._arr.length === 1) {
              this._timeout = setTimeout(() => {
                return this._flush();
              }, this.maxTime);
            }
            return ret;
          }
        }
        Batcher2.prototype.defaults = {
          maxTime: null,
          maxSize: null,
          Promise
        };
        return Batcher2;
      }).call(commonjsGlobal);
      var Batcher_1 = Batcher;
      var require$$4$1 = () => console.log("You must import the full version of Bottleneck in order to use this feature.");
      var require$$8 = getCjsExportFromNamespace(version$2);
      var Bottleneck2, DEFAULT_PRIORITY$1, Events$4, Job$1, LocalDatastore$1, NUM_PRIORITIES$1, Queues$1, RedisDatastore$1, States$1, Sync$1, parser$5, splice = [].splice;
      NUM_PRIORITIES$1 = 10;
      DEFAULT_PRIORITY$1 = 5;
      parser$5 = parser;
      Queues$1 = Queues_1;
      Job$1 = Job_1;
      LocalDatastore$1 = LocalDatastore_1;
      RedisDatastore$1 = require$$4$1;
      Events$4 = Events_1;
      States$1 = States_1;
      Sync$1 = Sync_1;
      Bottleneck2 = (function() {
        class Bottleneck3 {
          constructor(options = {}, ...invalid) {
            var storeInstanceOptions, storeOptions;
            this._addToQueue = this._addToQueue.bind(this);
            this._validateOptions(options, invalid);
            parser$5.load(options, this.instanceDefaults, this);
            this._queues = new Queues$1(NUM_PRIORITIES$1);
            this._scheduled = {};
            this._states = new States$1(["RECEIVED", "QUEUED", "RUNNING", "EXECUTING"].concat(this.trackDoneStatus ? ["DONE"] : []));
            this._limiter = null;
            this.Events = new Events$4(this);
            this._submitLock = new Sync$1("submit", this.Promise);
            this._registerLock = new Sync$1("register", this.Promise);
            storeOptions = parser$5.load(options, this.storeDefaults, {});
            this._store = (function() {
              if (this.datastore === "redis" || this.datastore === "ioredis" || this.connection != null) {
                storeInstanceOptions = parser$5.load(options, this.redisStoreDefaults, {});
                return new RedisDatastore$1(this, storeOptions, storeInstanceOptions);
              } else if (this.datastore === "local") {
                storeInstanceOptions = parser$5.load(options, this.localStoreDefaults, {});
                return new LocalDatastore$1(this, storeOptions, storeInstanceOptions);
              } else {
                throw new Bottleneck3.prototype.BottleneckError(`Invalid datastore type: ${this.datastore}`);
              }
            }).call(this);
            this._queues.on("leftzero", () => {
              var ref;
              return (ref = this._store.heartbeat) != null ? typeof ref.ref === "function" ? ref.ref() : void 0 : void 0;
            });
            this._queues.on("zero", () => {
              var ref;
              return (ref = this._store.heartbeat) != null ? typeof ref.unref === "function" ? ref.unref() : void 0 : void 0;
            });
          }
          _validateOptions(options, invalid) {
            if (!(options != null && typeof options === "object" && invalid.length === 0)) {
              throw new Bottleneck3.prototype.BottleneckError("Bottleneck v2 takes a single object argument. Refer to https://github.com/SGrondin/bottleneck#upgrading-to-v2 if you're upgrading from Bottleneck v1.");
            }
          }
          ready() {
            return this._store.ready;
          }
          clients() {
            return this._store.clients;
          }
          channel() {
            return `b_${this.id}`;
          }
          channel_client() {
            return `b_${this.id}_${this._store.clientId}`;
          }
          publish(message) {
            return this._store.__publish__(message);
          }
          disconnect(flush = true) {
            return this._store.__disconnect__(flush);
          }
          chain(_limiter) {
            this._limiter = _limiter;
            return this;
          }
          queued(priority) {
            return this._queues.queued(priority);
          }
          clusterQueued() {
            return this._store.__queued__();
          }
          empty() {
            return this.queued() === 0 && this._submitLock.isEmpty();
          }
          running() {
            return this._store.__running__();
          }
          done() {
            return this._store.__done__();
          }
          jobStatus(id) {
            return this._states.jobStatus(id);
          }
          jobs(status) {
            return this._states.statusJobs(status);
          }
          counts() {
            return this._states.statusCounts();
          }
          _randomIndex() {
            return Math.random().toString(36).slice(2);
          }
          check(weight = 1) {
            return this._store.__check__(weight);
          }
          _clearGlobalState(index) {
            if (this._scheduled[index] != null) {
              clearTimeout(this._scheduled[index].expiration);
              delete this._scheduled[index];
              return true;
            } else {
              return false;
            }
          }
          async _free(index, job, options, eventInfo) {
            var e, running;
            try {
              ({ running } = await this._store.__free__(index, options.weight));
              this.Events.trigger("debug", `Freed ${options.id}`, eventInfo);
              if (running === 0 && this.empty()) {
                return this.Events.trigger("idle");
              }
            } catch (error1) {
              e = error1;
              return this.Events.trigger("error", e);
            }
          }
          _run(index, job, wait) {
            var clearGlobalState, free, run;
            job.doRun();
            clearGlobalState = this._clearGlobalState.bind(this, index);
            run = this._run.bind(this, index, job);
            free = this._free.bind(this, index, job);
            return this._scheduled[index] = {
              timeout: setTimeout(() => {
                return job.doExecute(this._limiter, clearGlobalState, run, free);
              }, wait),
              expiration: job.options.expiration != null ? setTimeout(function() {
                return job.doExpire(clearGlobalState, run, free);
              }, wait + job.options.expiration) : void 0,
              job
            };
          }
          _drainOne(capacity) {
            return this._registerLock.schedule(() => {
              var args, index, next2, options, queue;
              if (this.queued() === 0) {
                return this.Promise.resolve(null);
              }
              queue = this._queues.getFirst();
              ({ options, args } = next2 = queue.first());
              if (capacity != null && options.weight > capacity) {
                return this.Promise.resolve(null);
              }
              this.Events.trigger("debug", `Draining ${options.id}`, { args, options });
              index = this._randomIndex();
              return this._store.__register__(index, options.weight, options.expiration).then(({ success, wait, reservoir }) => {
                var empty;
                this.Events.trigger("debug", `Drained ${options.id}`, { success, args, options });
                if (success) {
                  queue.shift();
                  empty = this.empty();
                  if (empty) {
                    this.Events.trigger("empty");
                  }
                  if (reservoir === 0) {
                    this.Events.trigger("depleted", empty);
                  }
                  this._run(index, next2, wait);
                  return this.Promise.resolve(options.weight);
                } else {
                  return this.Promise.resolve(null);
                }
              });
            });
          }
          _drainAll(capacity, total = 0) {
            return this._drainOne(capacity).then((drained) => {
              var newCapacity;
              if (drained != null) {
                newCapacity = capacity != null ? capacity - drained : capacity;
                return this._drainAll(newCapacity, total + drained);
              } else {
                return this.Promise.resolve(total);
              }
            }).catch((e) => {
              return this.Events.trigger("error", e);
            });
          }
          _dropAllQueued(message) {
            return this._queues.shiftAll(function(job) {
              return job.doDrop({ message });
            });
          }
          stop(options = {}) {
            var done, waitForExecuting;
            options = parser$5.load(options, this.stopDefaults);
            waitForExecuting = (at) => {
              var finished;
              finished = () => {
                var counts;
                counts = this._states.counts;
                return counts[0] + counts[1] + counts[2] + counts[3] === at;
              };
              return new this.Promise((resolve, reject) => {
                if (finished()) {
                  return resolve();
                } else {
                  return this.on("done", () => {
                    if (finished()) {
                      this.removeAllListeners("done");
                      return resolve();
                    }
                  });
                }
              });
            };
            done = options.dropWaitingJobs ? (this._run = function(index, next2) {
              return next2.doDrop({
                message: options.dropErrorMessage
              });
            }, this._drainOne = () => {
              return this.Promise.resolve(null);
            }, this._registerLock.schedule(() => {
              return this._submitLock.schedule(() => {
                var k, ref, v;
                ref = this._scheduled;
                for (k in ref) {
                  v = ref[k];
                  if (this.jobStatus(v.job.options.id) === "RUNNING") {
                    clearTimeout(v.timeout);
                    clearTimeout(v.expiration);
                    v.job.doDrop({
                      message: options.dropErrorMessage
                    });
                  }
                }
                this._dropAllQueued(options.dropErrorMessage);
                return waitForExecuting(0);
              });
            })) : this.schedule({
              priority: NUM_PRIORITIES$1 - 1,
              weight: 0
            }, () => {
              return waitForExecuting(1);
            });
            this._receive = function(job) {
              return job._reject(new Bottleneck3.prototype.BottleneckError(options.enqueueErrorMessage));
            };
            this.stop = () => {
              return this.Promise.reject(new Bottleneck3.prototype.BottleneckError("stop() has already been called"));
            };
            return done;
          }
          async _addToQueue(job) {
            var args, blocked, error, options, reachedHWM, shifted, strategy;
            ({ args, options } = job);
            try {
              ({ reachedHWM, blocked, strategy } = await this._store.__submit__(this.queued(), options.weight));
            } catch (error1) {
              error = error1;
              this.Events.trigger("debug", `Could not queue ${options.id}`, { args, options, error });
              job.doDrop({ error });
              return false;
            }
            if (blocked) {
              job.doDrop();
              return true;
            } else if (reachedHWM) {
              shifted = strategy === Bottleneck3.prototype.strategy.LEAK ? this._queues.shiftLastFrom(options.priority) : strategy === Bottleneck3.prototype.strategy.OVERFLOW_PRIORITY ? this._queues.shiftLastFrom(options.priority + 1) : strategy === Bottleneck3.prototype.strategy.OVERFLOW ? job : void 0;
              if (shifted != null) {
                shifted.doDrop();
              }
              if (shifted == null || strategy === Bottleneck3.prototype.strategy.OVERFLOW) {
                if (shifted == null) {
                  job.doDrop();
                }
                return reachedHWM;
              }
            }
            job.doQueue(reachedHWM, blocked);
            this._queues.push(job);
            await this._drainAll();
            return reachedHWM;
          }
          _receive(job) {
            if (this._states.jobStatus(job.options.id) != null) {
              job._reject(new Bottleneck3.prototype.BottleneckError(`A job with the same id already exists (id=${job.options.id})`));
              return false;
            } else {
              job.doReceive();
              return this._submitLock.schedule(this._addToQueue, job);
            }
          }
          submit(...args) {
            var cb, fn, job, options, ref, ref1, task;
            if (typeof args[0] === "function") {
              ref = args, [fn, ...args] = ref, [cb] = splice.call(args, -1);
              options = parser$5.load({}, this.jobDefaults);
            } else {
              ref1 = args, [options, fn, ...args] = ref1, [cb] = splice.call(args, -1);
              options = parser$5.load(options, this.jobDefaults);
            }
            task = (...args2) => {
              return new this.Promise(function(resolve, reject) {
                return fn(...args2, function(...args3) {
                  return (args3[0] != null ? reject : resolve)(args3);
                });
              });
            };
            job = new Job$1(task, args, options, this.jobDefaults, this.rejectOnDrop, this.Events, this._states, this.Promise);
            job.promise.then(function(args2) {
              return typeof cb === "function" ? cb(...args2) : void 0;
            }).catch(function(args2) {
              if (Array.isArray(args2)) {
                return typeof cb === "function" ? cb(...args2) : void 0;
              } else {
                return typeof cb === "function" ? cb(args2) : void 0;
              }
            });
            return this._receive(job);
          }
          schedule(...args) {
            var job, options, task;
            if (typeof args[0] === "function") {
              [task, ...args] = args;
              options = {};
            } else {
              [options, task, ...args] = args;
            }
            job = new Job$1(task, args, options, this.jobDefaults, this.rejectOnDrop, this.Events, this._states, this.Promise);
            this._receive(job);
            return job.promise;
          }
          wrap(fn) {
            var schedule, wrapped;
            schedule = this.schedule.bind(this);
            wrapped = function(...args) {
              return schedule(fn.bind(this), ...args);
            };
            wrapped.withOptions = function(options, ...args) {
              return schedule(options, fn, ...args);
            };
            return wrapped;
          }
          async updateSettings(options = {}) {
            await this._store.__updateSettings__(parser$5.overwrite(options, this.storeDefaults));
            parser$5.overwrite(options, this.instanceDefaults, this);
            return this;
          }
          currentReservoir() {
            return this._store.__currentReservoir__();
          }
          incrementReservoir(incr = 0) {
            return this._store.__incrementReservoir__(incr);
          }
        }
        Bottleneck3.default = Bottleneck3;
        Bottleneck3.Events = Events$4;
        Bottleneck3.version = Bottleneck3.prototype.version = require$$8.version;
        Bottleneck3.strategy = Bottleneck3.prototype.strategy = {
          LEAK: 1,
          OVERFLOW: 2,
          OVERFLOW_PRIORITY: 4,
          BLOCK: 3
        };
        Bottleneck3.BottleneckError = Bottleneck3.prototype.BottleneckError = BottleneckError_1;
        Bottleneck3.Group = Bottleneck3.prototype.Group = Group_1;
        Bottleneck3.RedisConnection = Bottleneck3.prototype.RedisConnection = require$$2;
        Bottleneck3.IORedisConnection = Bottleneck3.prototype.IORedisConnection = require$$3;
        Bottleneck3.Batcher = Bottleneck3.prototype.Batcher = Batcher_1;
        Bottleneck3.prototype.jobDefaults = {
          priority: DEFAULT_PRIORITY$1,
          weight: 1,
          expiration: null,
          id: "<no-id>"
        };
        Bottleneck3.prototype.storeDefaults = {
          maxConcurrent: null,
          minTime: 0,
          highWater: null,
          strategy: Bottleneck3.prototype.strategy.LEAK,
          penalty: null,
          reservoir: null,
          reservoirRefreshInterval: null,
          reservoirRefreshAmount: null,
          reservoirIncreaseInterval: null,
          reservoirIncreaseAmount: null,
          reservoirIncreaseMaximum: null
        };
        Bottleneck3.prototype.localStoreDefaults = {
          Promise,
          timeout: null,
          heartbeatInterval: 250
        };
        Bottleneck3.prototype.redisStoreDefaults = {
          Promise,
          timeout: null,
          heartbeatInterval: 5e3,
          clientTimeout: 1e4,
          Redis: null,
          clientOptions: {},
          clusterNodes: null,
          clearDatastore: false,
          connection: null
        };
        Bottleneck3.prototype.instanceDefaults = {
          datastore: "local",
          connection: null,
          id: "<no-id>",
          rejectOnDrop: true,
          trackDoneStatus: false,
          Promise
        };
        Bottleneck3.prototype.stopDefaults = {
          enqueueErrorMessage: "This limiter has been stopped and cannot accept new jobs.",
          dropWaitingJobs: true,
          dropErrorMessage: "This limiter has been stopped."
        };
        return Bottleneck3;
      }).call(commonjsGlobal);
      var Bottleneck_1 = Bottleneck2;
      var lib = Bottleneck_1;
      return lib;
    }));
  }
});

// src/adapters/forge/collect-pages.ts
async function collectPages(fetchPage, options) {
  const all = [];
  const maxPages = options.maxPages ?? 20;
  for (let page = 1; page <= maxPages; page++) {
    const { items, link } = await fetchPage(page);
    all.push(...items);
    if (options.enough?.(all)) break;
    const hasNext = link ? /rel="next"/.test(link) : items.length >= options.pageSize;
    if (!hasNext || items.length === 0) break;
  }
  return all;
}

// node_modules/universal-user-agent/index.js
function getUserAgent() {
  if (typeof navigator === "object" && "userAgent" in navigator) {
    return navigator.userAgent;
  }
  if (typeof process === "object" && process.version !== void 0) {
    return `Node.js/${process.version.substr(1)} (${process.platform}; ${process.arch})`;
  }
  return "<environment undetectable>";
}

// node_modules/before-after-hook/lib/register.js
function register(state, name, method, options) {
  if (typeof method !== "function") {
    throw new Error("method for before hook must be a function");
  }
  if (!options) {
    options = {};
  }
  if (Array.isArray(name)) {
    return name.reverse().reduce((callback, name2) => {
      return register.bind(null, state, name2, callback, options);
    }, method)();
  }
  return Promise.resolve().then(() => {
    if (!state.registry[name]) {
      return method(options);
    }
    return state.registry[name].reduce((method2, registered) => {
      return registered.hook.bind(null, method2, options);
    }, method)();
  });
}

// node_modules/before-after-hook/lib/add.js
function addHook(state, kind, name, hook2) {
  const orig = hook2;
  if (!state.registry[name]) {
    state.registry[name] = [];
  }
  if (kind === "before") {
    hook2 = (method, options) => {
      return Promise.resolve().then(orig.bind(null, options)).then(method.bind(null, options));
    };
  }
  if (kind === "after") {
    hook2 = (method, options) => {
      let result;
      return Promise.resolve().then(method.bind(null, options)).then((result_) => {
        result = result_;
        return orig(result, options);
      }).then(() => {
        return result;
      });
    };
  }
  if (kind === "error") {
    hook2 = (method, options) => {
      return Promise.resolve().then(method.bind(null, options)).catch((error) => {
        return orig(error, options);
      });
    };
  }
  state.registry[name].push({
    hook: hook2,
    orig
  });
}

// node_modules/before-after-hook/lib/remove.js
function removeHook(state, name, method) {
  if (!state.registry[name]) {
    return;
  }
  const index = state.registry[name].map((registered) => {
    return registered.orig;
  }).indexOf(method);
  if (index === -1) {
    return;
  }
  state.registry[name].splice(index, 1);
}

// node_modules/before-after-hook/index.js
var bind = Function.bind;
var bindable = bind.bind(bind);
function bindApi(hook2, state, name) {
  const removeHookRef = bindable(removeHook, null).apply(
    null,
    name ? [state, name] : [state]
  );
  hook2.api = { remove: removeHookRef };
  hook2.remove = removeHookRef;
  ["before", "error", "after", "wrap"].forEach((kind) => {
    const args = name ? [state, kind, name] : [state, kind];
    hook2[kind] = hook2.api[kind] = bindable(addHook, null).apply(null, args);
  });
}
function Singular() {
  const singularHookName = /* @__PURE__ */ Symbol("Singular");
  const singularHookState = {
    registry: {}
  };
  const singularHook = register.bind(null, singularHookState, singularHookName);
  bindApi(singularHook, singularHookState, singularHookName);
  return singularHook;
}
function Collection() {
  const state = {
    registry: {}
  };
  const hook2 = register.bind(null, state);
  bindApi(hook2, state);
  return hook2;
}
var before_after_hook_default = { Singular, Collection };

// node_modules/@octokit/endpoint/dist-bundle/index.js
var VERSION2 = "0.0.0-development";
var userAgent = `octokit-endpoint.js/${VERSION2} ${getUserAgent()}`;
var DEFAULTS = {
  method: "GET",
  baseUrl: "https://api.github.com",
  headers: {
    accept: "application/vnd.github.v3+json",
    "user-agent": userAgent
  },
  mediaType: {
    format: ""
  }
};
function lowercaseKeys(object) {
  if (!object) {
    return {};
  }
  return Object.keys(object).reduce((newObj, key) => {
    newObj[key.toLowerCase()] = object[key];
    return newObj;
  }, {});
}
function isPlainObject(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor === "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}
function mergeDeep(defaults, options) {
  const result = Object.assign({}, defaults);
  Object.keys(options).forEach((key) => {
    if (isPlainObject(options[key])) {
      if (!(key in defaults)) Object.assign(result, { [key]: options[key] });
      else result[key] = mergeDeep(defaults[key], options[key]);
    } else {
      Object.assign(result, { [key]: options[key] });
    }
  });
  return result;
}
function removeUndefinedProperties(obj) {
  for (const key in obj) {
    if (obj[key] === void 0) {
      delete obj[key];
    }
  }
  return obj;
}
function merge(defaults, route, options) {
  if (typeof route === "string") {
    let [method, url] = route.split(" ");
    options = Object.assign(url ? { method, url } : { url: method }, options);
  } else {
    options = Object.assign({}, route);
  }
  options.headers = lowercaseKeys(options.headers);
  removeUndefinedProperties(options);
  removeUndefinedProperties(options.headers);
  const mergedOptions = mergeDeep(defaults || {}, options);
  if (options.url === "/graphql") {
    if (defaults && defaults.mediaType.previews?.length) {
      mergedOptions.mediaType.previews = defaults.mediaType.previews.filter(
        (preview) => !mergedOptions.mediaType.previews.includes(preview)
      ).concat(mergedOptions.mediaType.previews);
    }
    mergedOptions.mediaType.previews = (mergedOptions.mediaType.previews || []).map((preview) => preview.replace(/-preview/, ""));
  }
  return mergedOptions;
}
function addQueryParameters(url, parameters) {
  const separator = /\?/.test(url) ? "&" : "?";
  const names = Object.keys(parameters);
  if (names.length === 0) {
    return url;
  }
  return url + separator + names.map((name) => {
    if (name === "q") {
      return "q=" + parameters.q.split("+").map(encodeURIComponent).join("+");
    }
    return `${name}=${encodeURIComponent(parameters[name])}`;
  }).join("&");
}
var urlVariableRegex = /\{[^{}}]+\}/g;
function removeNonChars(variableName) {
  return variableName.replace(/(?:^\W+)|(?:(?<!\W)\W+$)/g, "").split(/,/);
}
function extractUrlVariableNames(url) {
  const matches = url.match(urlVariableRegex);
  if (!matches) {
    return [];
  }
  return matches.map(removeNonChars).reduce((a, b) => a.concat(b), []);
}
function omit(object, keysToOmit) {
  const result = { __proto__: null };
  for (const key of Object.keys(object)) {
    if (keysToOmit.indexOf(key) === -1) {
      result[key] = object[key];
    }
  }
  return result;
}
function encodeReserved(str) {
  return str.split(/(%[0-9A-Fa-f]{2})/g).map(function(part) {
    if (!/%[0-9A-Fa-f]/.test(part)) {
      part = encodeURI(part).replace(/%5B/g, "[").replace(/%5D/g, "]");
    }
    return part;
  }).join("");
}
function encodeUnreserved(str) {
  return encodeURIComponent(str).replace(/[!'()*]/g, function(c) {
    return "%" + c.charCodeAt(0).toString(16).toUpperCase();
  });
}
function encodeValue(operator, value, key) {
  value = operator === "+" || operator === "#" ? encodeReserved(value) : encodeUnreserved(value);
  if (key) {
    return encodeUnreserved(key) + "=" + value;
  } else {
    return value;
  }
}
function isDefined(value) {
  return value !== void 0 && value !== null;
}
function isKeyOperator(operator) {
  return operator === ";" || operator === "&" || operator === "?";
}
function getValues(context, operator, key, modifier) {
  var value = context[key], result = [];
  if (isDefined(value) && value !== "") {
    if (typeof value === "string" || typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
      value = value.toString();
      if (modifier && modifier !== "*") {
        value = value.substring(0, parseInt(modifier, 10));
      }
      result.push(
        encodeValue(operator, value, isKeyOperator(operator) ? key : "")
      );
    } else {
      if (modifier === "*") {
        if (Array.isArray(value)) {
          value.filter(isDefined).forEach(function(value2) {
            result.push(
              encodeValue(operator, value2, isKeyOperator(operator) ? key : "")
            );
          });
        } else {
          Object.keys(value).forEach(function(k) {
            if (isDefined(value[k])) {
              result.push(encodeValue(operator, value[k], k));
            }
          });
        }
      } else {
        const tmp = [];
        if (Array.isArray(value)) {
          value.filter(isDefined).forEach(function(value2) {
            tmp.push(encodeValue(operator, value2));
          });
        } else {
          Object.keys(value).forEach(function(k) {
            if (isDefined(value[k])) {
              tmp.push(encodeUnreserved(k));
              tmp.push(encodeValue(operator, value[k].toString()));
            }
          });
        }
        if (isKeyOperator(operator)) {
          result.push(encodeUnreserved(key) + "=" + tmp.join(","));
        } else if (tmp.length !== 0) {
          result.push(tmp.join(","));
        }
      }
    }
  } else {
    if (operator === ";") {
      if (isDefined(value)) {
        result.push(encodeUnreserved(key));
      }
    } else if (value === "" && (operator === "&" || operator === "?")) {
      result.push(encodeUnreserved(key) + "=");
    } else if (value === "") {
      result.push("");
    }
  }
  return result;
}
function parseUrl(template) {
  return {
    expand: expand.bind(null, template)
  };
}
function expand(template, context) {
  var operators = ["+", "#", ".", "/", ";", "?", "&"];
  template = template.replace(
    /\{([^\{\}]+)\}|([^\{\}]+)/g,
    function(_, expression, literal) {
      if (expression) {
        let operator = "";
        const values = [];
        if (operators.indexOf(expression.charAt(0)) !== -1) {
          operator = expression.charAt(0);
          expression = expression.substr(1);
        }
        expression.split(/,/g).forEach(function(variable) {
          var tmp = /([^:\*]*)(?::(\d+)|(\*))?/.exec(variable);
          values.push(getValues(context, operator, tmp[1], tmp[2] || tmp[3]));
        });
        if (operator && operator !== "+") {
          var separator = ",";
          if (operator === "?") {
            separator = "&";
          } else if (operator !== "#") {
            separator = operator;
          }
          return (values.length !== 0 ? operator : "") + values.join(separator);
        } else {
          return values.join(",");
        }
      } else {
        return encodeReserved(literal);
      }
    }
  );
  if (template === "/") {
    return template;
  } else {
    return template.replace(/\/$/, "");
  }
}
function parse(options) {
  let method = options.method.toUpperCase();
  let url = (options.url || "/").replace(/:([a-z]\w+)/g, "{$1}");
  let headers = Object.assign({}, options.headers);
  let body;
  let parameters = omit(options, [
    "method",
    "baseUrl",
    "url",
    "headers",
    "request",
    "mediaType"
  ]);
  const urlVariableNames = extractUrlVariableNames(url);
  url = parseUrl(url).expand(parameters);
  if (!/^http/.test(url)) {
    url = options.baseUrl + url;
  }
  const omittedParameters = Object.keys(options).filter((option) => urlVariableNames.includes(option)).concat("baseUrl");
  const remainingParameters = omit(parameters, omittedParameters);
  const isBinaryRequest = /application\/octet-stream/i.test(headers.accept);
  if (!isBinaryRequest) {
    if (options.mediaType.format) {
      headers.accept = headers.accept.split(/,/).map(
        (format) => format.replace(
          /application\/vnd(\.\w+)(\.v3)?(\.\w+)?(\+json)?$/,
          `application/vnd$1$2.${options.mediaType.format}`
        )
      ).join(",");
    }
    if (url.endsWith("/graphql")) {
      if (options.mediaType.previews?.length) {
        const previewsFromAcceptHeader = headers.accept.match(/(?<![\w-])[\w-]+(?=-preview)/g) || [];
        headers.accept = previewsFromAcceptHeader.concat(options.mediaType.previews).map((preview) => {
          const format = options.mediaType.format ? `.${options.mediaType.format}` : "+json";
          return `application/vnd.github.${preview}-preview${format}`;
        }).join(",");
      }
    }
  }
  if (["GET", "HEAD"].includes(method)) {
    url = addQueryParameters(url, remainingParameters);
  } else {
    if ("data" in remainingParameters) {
      body = remainingParameters.data;
    } else {
      if (Object.keys(remainingParameters).length) {
        body = remainingParameters;
      }
    }
  }
  if (!headers["content-type"] && typeof body !== "undefined") {
    headers["content-type"] = "application/json; charset=utf-8";
  }
  if (["PATCH", "PUT"].includes(method) && typeof body === "undefined") {
    body = "";
  }
  return Object.assign(
    { method, url, headers },
    typeof body !== "undefined" ? { body } : null,
    options.request ? { request: options.request } : null
  );
}
function endpointWithDefaults(defaults, route, options) {
  return parse(merge(defaults, route, options));
}
function withDefaults(oldDefaults, newDefaults) {
  const DEFAULTS2 = merge(oldDefaults, newDefaults);
  const endpoint2 = endpointWithDefaults.bind(null, DEFAULTS2);
  return Object.assign(endpoint2, {
    DEFAULTS: DEFAULTS2,
    defaults: withDefaults.bind(null, DEFAULTS2),
    merge: merge.bind(null, DEFAULTS2),
    parse
  });
}
var endpoint = withDefaults(null, DEFAULTS);

// node_modules/@octokit/request/dist-bundle/index.js
var import_content_type = __toESM(require_dist(), 1);

// node_modules/json-with-bigint/json-with-bigint.js
var intRegex = /^-?\d+$/;
var noiseValue = /^-?\d+n+$/;
var originalStringify = JSON.stringify;
var originalParse = JSON.parse;
var customFormat = /^-?\d+n$/;
var bigIntsStringify = /([\[:])?"(-?\d+)n"($|\s*[,\}\]])/g;
var noiseStringify = /([\[:])?("-?\d+n+)n("$|"\s*[,\}\]])/g;
var isUnstringifiable = (val) => val === void 0 || typeof val === "function" || typeof val === "symbol";
var isRawJSON = (val) => val !== null && typeof val === "object" && val.constructor && val.constructor.name === "RawJSON";
var stringifyIteratively = (rootValue, replacer, spaceParam) => {
  let space = "";
  if (typeof spaceParam === "number") {
    space = " ".repeat(Math.min(10, Math.max(0, Math.floor(spaceParam))));
  } else if (typeof spaceParam === "string") {
    space = spaceParam.slice(0, 10);
  }
  const isFunctionReplacer = typeof replacer === "function";
  const propertyList = Array.isArray(replacer) ? new Set(replacer.map(String)) : null;
  const prepareVal = (parent, key, val) => {
    const isObject = val !== null && typeof val === "object";
    const hasToJSON = isObject && typeof val.toJSON === "function";
    if (hasToJSON) {
      val = val.toJSON(key);
    }
    const isNoise = typeof val === "string" && noiseValue.test(val);
    if (isNoise) return val + "n";
    const isBigInt = typeof val === "bigint";
    if (isBigInt) {
      const supportsRawJSON = "rawJSON" in JSON;
      if (supportsRawJSON) return JSON.rawJSON(val.toString());
      return val.toString() + "n";
    }
    if (isFunctionReplacer) {
      val = replacer.call(parent, key, val);
    }
    const isPostReplacerObject = val !== null && typeof val === "object";
    if (isPostReplacerObject) {
      const isPrimitiveWrapper = val instanceof Number || val instanceof String || val instanceof Boolean;
      if (isPrimitiveWrapper) {
        val = val.valueOf();
      }
    }
    return val;
  };
  const rootProcessed = prepareVal({ "": rootValue }, "", rootValue);
  if (isUnstringifiable(rootProcessed)) {
    return void 0;
  }
  const isRootPrimitive = rootProcessed === null || typeof rootProcessed !== "object";
  const isRootNativeRawJSON = isRawJSON(rootProcessed);
  if (isRootPrimitive || isRootNativeRawJSON) {
    return originalStringify(rootProcessed);
  }
  const chunks = [];
  let level = 0;
  const stack = [
    {
      parent: { "": rootProcessed },
      key: "",
      val: rootProcessed,
      isArray: Array.isArray(rootProcessed),
      keys: Array.isArray(rootProcessed) ? null : Object.keys(rootProcessed),
      index: 0,
      first: true
    }
  ];
  const visited = new WeakSet([rootProcessed]);
  while (stack.length > 0) {
    const node = stack[stack.length - 1];
    if (node.index === 0) {
      chunks.push(node.isArray ? "[" : "{");
      level++;
    }
    let isDone = false;
    if (node.isArray) {
      if (node.index < node.val.length) {
        if (!node.first) chunks.push(",");
        if (space) chunks.push("\n" + space.repeat(level));
        const childRaw = node.val[node.index];
        const childVal = prepareVal(node.val, String(node.index), childRaw);
        if (isUnstringifiable(childVal)) {
          chunks.push("null");
          node.first = false;
          node.index++;
        } else {
          const isComplexObject = childVal !== null && typeof childVal === "object";
          const isNativeRaw = isRawJSON(childVal);
          if (isComplexObject && !isNativeRaw) {
            if (visited.has(childVal)) {
              throw new TypeError("Converting circular structure to JSON");
            }
            visited.add(childVal);
            stack.push({
              parent: node.val,
              key: String(node.index),
              val: childVal,
              isArray: Array.isArray(childVal),
              keys: Array.isArray(childVal) ? null : Object.keys(childVal),
              index: 0,
              first: true
            });
            node.first = false;
            node.index++;
          } else {
            chunks.push(originalStringify(childVal));
            node.first = false;
            node.index++;
          }
        }
      } else {
        isDone = true;
      }
    } else {
      while (node.index < node.keys.length) {
        const k = node.keys[node.index++];
        const isFilteredOutByArray = propertyList && !propertyList.has(k);
        if (isFilteredOutByArray) continue;
        const childRaw = node.val[k];
        const childVal = prepareVal(node.val, k, childRaw);
        if (isUnstringifiable(childVal)) continue;
        if (!node.first) chunks.push(",");
        if (space) {
          chunks.push("\n" + space.repeat(level) + originalStringify(k) + ": ");
        } else {
          chunks.push(originalStringify(k) + ":");
        }
        const isComplexObject = childVal !== null && typeof childVal === "object";
        const isNativeRaw = isRawJSON(childVal);
        if (isComplexObject && !isNativeRaw) {
          if (visited.has(childVal)) {
            throw new TypeError("Converting circular structure to JSON");
          }
          visited.add(childVal);
          stack.push({
            parent: node.val,
            key: k,
            val: childVal,
            isArray: Array.isArray(childVal),
            keys: Array.isArray(childVal) ? null : Object.keys(childVal),
            index: 0,
            first: true
          });
          node.first = false;
          break;
        } else {
          chunks.push(originalStringify(childVal));
          node.first = false;
        }
      }
      const isNodeFullyProcessed = node.index >= node.keys.length && stack[stack.length - 1] === node;
      if (isNodeFullyProcessed) {
        isDone = true;
      }
    }
    if (isDone) {
      level--;
      if (!node.first && space) chunks.push("\n" + space.repeat(level));
      chunks.push(node.isArray ? "]" : "}");
      visited.delete(node.val);
      stack.pop();
    }
  }
  return chunks.join("");
};
var JSONStringify = (value, replacer, space) => {
  try {
    const supportsRawJSON = "rawJSON" in JSON;
    if (supportsRawJSON) {
      return originalStringify(
        value,
        (key, val) => {
          if (typeof val === "bigint") return JSON.rawJSON(val.toString());
          const hasFunctionReplacer = typeof replacer === "function";
          if (hasFunctionReplacer) return replacer(key, val);
          const isKeyInArrayReplacer = Array.isArray(replacer) && replacer.includes(key);
          if (isKeyInArrayReplacer) return val;
          return val;
        },
        space
      );
    }
    if (!value) return originalStringify(value, replacer, space);
    const convertedToCustomJSON = originalStringify(
      value,
      (key, val) => {
        const isNoise = typeof val === "string" && noiseValue.test(val);
        if (isNoise) return val.toString() + "n";
        if (typeof val === "bigint") return val.toString() + "n";
        const hasFunctionReplacer = typeof replacer === "function";
        if (hasFunctionReplacer) return replacer(key, val);
        const isKeyInArrayReplacer = Array.isArray(replacer) && replacer.includes(key);
        if (isKeyInArrayReplacer) return val;
        return val;
      },
      space
    );
    const processedJSON = convertedToCustomJSON.replace(
      bigIntsStringify,
      "$1$2$3"
    );
    const denoisedJSON = processedJSON.replace(noiseStringify, "$1$2$3");
    return denoisedJSON;
  } catch (error) {
    if (error instanceof RangeError) {
      const convertedJSON = stringifyIteratively(value, replacer, space);
      if (convertedJSON === void 0) return void 0;
      const supportsRawJSON = "rawJSON" in JSON;
      if (supportsRawJSON) return convertedJSON;
      const processedJSON = convertedJSON.replace(bigIntsStringify, "$1$2$3");
      return processedJSON.replace(noiseStringify, "$1$2$3");
    }
    throw error;
  }
};
var featureCache = /* @__PURE__ */ new Map();
var isContextSourceSupported = () => {
  const parseFingerprint = JSON.parse.toString();
  if (featureCache.has(parseFingerprint)) {
    return featureCache.get(parseFingerprint);
  }
  try {
    const result = JSON.parse(
      "1",
      (_, __, context) => !!context?.source && context.source === "1"
    );
    featureCache.set(parseFingerprint, result);
    return result;
  } catch {
    featureCache.set(parseFingerprint, false);
    return false;
  }
};
var convertMarkedBigIntsReviver = (key, value, context, userReviver) => {
  const isCustomFormatBigInt = typeof value === "string" && customFormat.test(value);
  if (isCustomFormatBigInt) return BigInt(value.slice(0, -1));
  const isNoiseValue = typeof value === "string" && noiseValue.test(value);
  if (isNoiseValue) return value.slice(0, -1);
  const hasUserReviver = typeof userReviver === "function";
  if (!hasUserReviver) return value;
  return userReviver(key, value, context);
};
var JSONParseV2 = (text, reviver) => {
  return JSON.parse(text, (key, value, context) => {
    const isNumber = typeof value === "number";
    const isOutOfBounds = value > Number.MAX_SAFE_INTEGER || value < Number.MIN_SAFE_INTEGER;
    const isBigNumber = isNumber && isOutOfBounds;
    const isInt = context && intRegex.test(context.source);
    const isBigInt = isBigNumber && isInt;
    if (isBigInt) return BigInt(context.source);
    const hasCustomReviver = typeof reviver === "function";
    if (!hasCustomReviver) return value;
    return reviver(key, value, context);
  });
};
var MAX_INT = Number.MAX_SAFE_INTEGER.toString();
var MAX_DIGITS = MAX_INT.length;
var stringsOrLargeNumbers = /"(?:[^"\\]|\\.)*"|-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/g;
var noiseValueWithQuotes = /^"-?\d+n+"$/;
var applyReviverIteratively = (parsed, userReviver) => {
  const rootHolder = { "": parsed };
  const stack = [{ parent: rootHolder, key: "", visited: false }];
  while (stack.length > 0) {
    const node = stack[stack.length - 1];
    if (!node.visited) {
      node.visited = true;
      const value = node.parent[node.key];
      const isComplexObject = value !== null && typeof value === "object";
      if (isComplexObject) {
        const keys = Object.keys(value);
        for (let i = keys.length - 1; i >= 0; i--) {
          stack.push({ parent: value, key: keys[i], visited: false });
        }
      }
    } else {
      const { parent, key } = node;
      let value = parent[key];
      if (typeof value === "string") {
        const isCustomFormatBigInt = customFormat.test(value);
        if (isCustomFormatBigInt) {
          value = BigInt(value.slice(0, -1));
        } else {
          const isNoise = noiseValue.test(value);
          if (isNoise) value = value.slice(0, -1);
        }
      }
      const hasUserReviver = typeof userReviver === "function";
      if (hasUserReviver) {
        value = userReviver.call(parent, key, value);
      }
      const isDeleted = value === void 0;
      if (isDeleted) {
        delete parent[key];
      } else {
        parent[key] = value;
      }
      stack.pop();
    }
  }
  return rootHolder[""];
};
var serializeBigInts = (text) => {
  return text.replace(
    stringsOrLargeNumbers,
    (match, digits, fractional, exponential) => {
      const isString = match[0] === '"';
      const isNoise = isString && noiseValueWithQuotes.test(match);
      if (isNoise) return match.substring(0, match.length - 1) + 'n"';
      const hasFractionalOrExponential = fractional || exponential;
      const isLessThanMaxSafeInt = digits && (digits.length < MAX_DIGITS || digits.length === MAX_DIGITS && digits <= MAX_INT);
      const isStandardValue = isString || hasFractionalOrExponential || isLessThanMaxSafeInt;
      if (isStandardValue) return match;
      return '"' + match + 'n"';
    }
  );
};
var JSONParse = (text, reviver) => {
  if (!text) return originalParse(text, reviver);
  try {
    if (isContextSourceSupported()) return JSONParseV2(text, reviver);
    const serializedData = serializeBigInts(text);
    return originalParse(
      serializedData,
      (key, value, context) => convertMarkedBigIntsReviver(key, value, context, reviver)
    );
  } catch (error) {
    if (error instanceof RangeError) {
      const serializedData = serializeBigInts(text);
      const parsed = originalParse(serializedData);
      return applyReviverIteratively(parsed, reviver);
    }
    throw error;
  }
};

// node_modules/@octokit/request-error/dist-src/index.js
var RequestError = class extends Error {
  name;
  /**
   * http status code
   */
  status;
  /**
   * Request options that lead to the error.
   */
  request;
  /**
   * Response object if a response was received
   */
  response;
  constructor(message, statusCode, options) {
    super(message, { cause: options.cause });
    this.name = "HttpError";
    this.status = Number.parseInt(statusCode);
    if (Number.isNaN(this.status)) {
      this.status = 0;
    }
    if ("response" in options) {
      this.response = options.response;
    }
    const requestCopy = Object.assign({}, options.request);
    if (options.request.headers.authorization) {
      requestCopy.headers = Object.assign({}, options.request.headers, {
        authorization: options.request.headers.authorization.replace(
          /(?<! ) .*$/,
          " [REDACTED]"
        )
      });
    }
    requestCopy.url = requestCopy.url.replace(/\bclient_secret=\w+/g, "client_secret=[REDACTED]").replace(/\baccess_token=\w+/g, "access_token=[REDACTED]");
    this.request = requestCopy;
  }
};

// node_modules/@octokit/request/dist-bundle/index.js
var VERSION3 = "10.0.16";
var defaults_default = {
  headers: {
    "user-agent": `octokit-request.js/${VERSION3} ${getUserAgent()}`
  }
};
function isPlainObject2(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor === "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}
var noop = () => "";
async function fetchWrapper(requestOptions) {
  const fetch2 = requestOptions.request?.fetch || globalThis.fetch;
  if (!fetch2) {
    throw new Error(
      "fetch is not set. Please pass a fetch implementation as new Octokit({ request: { fetch }}). Learn more at https://github.com/octokit/octokit.js/#fetch-missing"
    );
  }
  const log = requestOptions.request?.log || console;
  const parseSuccessResponseBody = requestOptions.request?.parseSuccessResponseBody !== false;
  const body = isPlainObject2(requestOptions.body) || Array.isArray(requestOptions.body) ? JSONStringify(requestOptions.body) : requestOptions.body;
  const requestHeaders = Object.fromEntries(
    Object.entries(requestOptions.headers).map(([name, value]) => [
      name,
      String(value)
    ])
  );
  let fetchResponse;
  try {
    fetchResponse = await fetch2(requestOptions.url, {
      method: requestOptions.method,
      body,
      redirect: requestOptions.request?.redirect,
      headers: requestHeaders,
      signal: requestOptions.request?.signal,
      // duplex must be set if request.body is ReadableStream or Async Iterables.
      // See https://fetch.spec.whatwg.org/#dom-requestinit-duplex.
      ...requestOptions.body && { duplex: "half" }
    });
  } catch (error) {
    let message = "Unknown Error";
    if (error instanceof Error) {
      if (error.name === "AbortError") {
        error.status = 500;
        throw error;
      }
      message = error.message;
      if (error.name === "TypeError" && "cause" in error) {
        if (error.cause instanceof Error) {
          message = error.cause.message;
        } else if (typeof error.cause === "string") {
          message = error.cause;
        }
      }
    }
    const requestError = new RequestError(message, 500, {
      request: requestOptions
    });
    requestError.cause = error;
    throw requestError;
  }
  const status = fetchResponse.status;
  const url = fetchResponse.url;
  const responseHeaders = {};
  for (const [key, value] of fetchResponse.headers) {
    responseHeaders[key] = value;
  }
  const octokitResponse = {
    url,
    status,
    headers: responseHeaders,
    data: ""
  };
  if ("deprecation" in responseHeaders) {
    const matches = responseHeaders.link && responseHeaders.link.match(/<([^<>]+)>; rel="deprecation"/);
    const deprecationLink = matches && matches.pop();
    log.warn(
      `[@octokit/request] "${requestOptions.method} ${requestOptions.url}" is deprecated. It is scheduled to be removed on ${responseHeaders.sunset}${deprecationLink ? `. See ${deprecationLink}` : ""}`
    );
  }
  if (status === 204 || status === 205) {
    return octokitResponse;
  }
  if (requestOptions.method === "HEAD") {
    if (status < 400) {
      return octokitResponse;
    }
    throw new RequestError(fetchResponse.statusText, status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status === 304) {
    octokitResponse.data = await getResponseData(fetchResponse);
    throw new RequestError("Not modified", status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status >= 400) {
    octokitResponse.data = await getResponseData(fetchResponse);
    throw new RequestError(toErrorMessage(octokitResponse.data), status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  octokitResponse.data = parseSuccessResponseBody ? await getResponseData(fetchResponse) : fetchResponse.body;
  return octokitResponse;
}
async function getResponseData(response) {
  const contentType = response.headers.get("content-type");
  if (!contentType) {
    return response.text().catch(noop);
  }
  const mimetype = (0, import_content_type.parse)(contentType);
  if (isJSONResponse(mimetype)) {
    let text = "";
    try {
      text = await response.text();
      return JSONParse(text);
    } catch (err) {
      return text;
    }
  } else if (mimetype.type.startsWith("text/") || // `application/octet-stream` is the canonical "arbitrary binary" type
  // (RFC 2046) and must never be decoded as text, even when the response
  // carries a (misleading) `charset=utf-8` parameter — see #751.
  mimetype.parameters.charset?.toLowerCase() === "utf-8" && mimetype.type !== "application/octet-stream") {
    return response.text().catch(noop);
  } else {
    return response.arrayBuffer().catch(
      /* v8 ignore next -- @preserve */
      () => new ArrayBuffer(0)
    );
  }
}
function isJSONResponse(mimetype) {
  return mimetype.type === "application/json" || mimetype.type === "application/scim+json";
}
function toErrorMessage(data) {
  if (typeof data === "string") {
    return data;
  }
  if (data instanceof ArrayBuffer) {
    return "Unknown error";
  }
  if (typeof data === "object" && data !== null && "message" in data) {
    const objectData = data;
    const suffix = "documentation_url" in objectData ? ` - ${objectData.documentation_url}` : "";
    return Array.isArray(objectData.errors) ? `${objectData.message}: ${objectData.errors.map((v) => JSON.stringify(v)).join(", ")}${suffix}` : `${objectData.message}${suffix}`;
  }
  return `Unknown error: ${JSON.stringify(data)}`;
}
function withDefaults2(oldEndpoint, newDefaults) {
  const endpoint2 = oldEndpoint.defaults(newDefaults);
  const newApi = function(route, parameters) {
    const endpointOptions = endpoint2.merge(route, parameters);
    if (!endpointOptions.request || !endpointOptions.request.hook) {
      return fetchWrapper(endpoint2.parse(endpointOptions));
    }
    const request2 = (route2, parameters2) => {
      return fetchWrapper(
        endpoint2.parse(endpoint2.merge(route2, parameters2))
      );
    };
    Object.assign(request2, {
      endpoint: endpoint2,
      defaults: withDefaults2.bind(null, endpoint2)
    });
    return endpointOptions.request.hook(request2, endpointOptions);
  };
  return Object.assign(newApi, {
    endpoint: endpoint2,
    defaults: withDefaults2.bind(null, endpoint2)
  });
}
var request = withDefaults2(endpoint, defaults_default);

// node_modules/@octokit/graphql/dist-bundle/index.js
var VERSION4 = "0.0.0-development";
function _buildMessageForResponseErrors(data) {
  return `Request failed due to following response errors:
` + data.errors.map((e) => ` - ${e.message}`).join("\n");
}
var GraphqlResponseError = class extends Error {
  constructor(request2, headers, response) {
    super(_buildMessageForResponseErrors(response));
    this.request = request2;
    this.headers = headers;
    this.response = response;
    this.errors = response.errors;
    this.data = response.data;
    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, this.constructor);
    }
  }
  request;
  headers;
  response;
  name = "GraphqlResponseError";
  errors;
  data;
};
var NON_VARIABLE_OPTIONS = [
  "method",
  "baseUrl",
  "url",
  "headers",
  "request",
  "query",
  "mediaType",
  "operationName"
];
var FORBIDDEN_VARIABLE_OPTIONS = ["query", "method", "url"];
var GHES_V3_SUFFIX_REGEX = /\/api\/v3\/?$/;
function graphql(request2, query, options) {
  if (options) {
    if (typeof query === "string" && "query" in options) {
      return Promise.reject(
        new Error(`[@octokit/graphql] "query" cannot be used as variable name`)
      );
    }
    for (const key in options) {
      if (!FORBIDDEN_VARIABLE_OPTIONS.includes(key)) continue;
      return Promise.reject(
        new Error(
          `[@octokit/graphql] "${key}" cannot be used as variable name`
        )
      );
    }
  }
  const parsedOptions = typeof query === "string" ? Object.assign({ query }, options) : query;
  const requestOptions = Object.keys(
    parsedOptions
  ).reduce((result, key) => {
    if (NON_VARIABLE_OPTIONS.includes(key)) {
      result[key] = parsedOptions[key];
      return result;
    }
    if (!result.variables) {
      result.variables = {};
    }
    result.variables[key] = parsedOptions[key];
    return result;
  }, {});
  const baseUrl = parsedOptions.baseUrl || request2.endpoint.DEFAULTS.baseUrl;
  if (GHES_V3_SUFFIX_REGEX.test(baseUrl)) {
    requestOptions.url = baseUrl.replace(GHES_V3_SUFFIX_REGEX, "/api/graphql");
  }
  return request2(requestOptions).then((response) => {
    if (response.data.errors) {
      const headers = {};
      for (const key of Object.keys(response.headers)) {
        headers[key] = response.headers[key];
      }
      throw new GraphqlResponseError(
        requestOptions,
        headers,
        response.data
      );
    }
    return response.data.data;
  });
}
function withDefaults3(request2, newDefaults) {
  const newRequest = request2.defaults(newDefaults);
  const newApi = (query, options) => {
    return graphql(newRequest, query, options);
  };
  return Object.assign(newApi, {
    defaults: withDefaults3.bind(null, newRequest),
    endpoint: newRequest.endpoint
  });
}
var graphql2 = withDefaults3(request, {
  headers: {
    "user-agent": `octokit-graphql.js/${VERSION4} ${getUserAgent()}`
  },
  method: "POST",
  url: "/graphql"
});
function withCustomRequest(customRequest) {
  return withDefaults3(customRequest, {
    method: "POST",
    url: "/graphql"
  });
}

// node_modules/@octokit/auth-token/dist-bundle/index.js
var b64url = "(?:[a-zA-Z0-9_-]+)";
var sep = "\\.";
var jwtRE = new RegExp(`^${b64url}${sep}${b64url}${sep}${b64url}$`);
var isJWT = jwtRE.test.bind(jwtRE);
async function auth(token) {
  const isApp = isJWT(token);
  const isInstallation = token.startsWith("v1.") || token.startsWith("ghs_");
  const isUserToServer = token.startsWith("ghu_");
  const tokenType = isApp ? "app" : isInstallation ? "installation" : isUserToServer ? "user-to-server" : "oauth";
  return {
    type: "token",
    token,
    tokenType
  };
}
function withAuthorizationPrefix(token) {
  if (token.split(/\./).length === 3) {
    return `bearer ${token}`;
  }
  return `token ${token}`;
}
async function hook(token, request2, route, parameters) {
  const endpoint2 = request2.endpoint.merge(
    route,
    parameters
  );
  endpoint2.headers.authorization = withAuthorizationPrefix(token);
  return request2(endpoint2);
}
var createTokenAuth = function createTokenAuth2(token) {
  if (!token) {
    throw new Error("[@octokit/auth-token] No token passed to createTokenAuth");
  }
  if (typeof token !== "string") {
    throw new Error(
      "[@octokit/auth-token] Token passed to createTokenAuth is not a string"
    );
  }
  token = token.replace(/^(token|bearer) +/i, "");
  return Object.assign(auth.bind(null, token), {
    hook: hook.bind(null, token)
  });
};

// node_modules/@octokit/core/dist-src/version.js
var VERSION5 = "7.0.8";

// node_modules/@octokit/core/dist-src/index.js
var noop2 = () => {
};
var consoleWarn = console.warn.bind(console);
var consoleError = console.error.bind(console);
function createLogger(logger = {}) {
  if (typeof logger.debug !== "function") {
    logger.debug = noop2;
  }
  if (typeof logger.info !== "function") {
    logger.info = noop2;
  }
  if (typeof logger.warn !== "function") {
    logger.warn = consoleWarn;
  }
  if (typeof logger.error !== "function") {
    logger.error = consoleError;
  }
  return logger;
}
var userAgentTrail = `octokit-core.js/${VERSION5} ${getUserAgent()}`;
var Octokit = class {
  static VERSION = VERSION5;
  static defaults(defaults) {
    const OctokitWithDefaults = class extends this {
      constructor(...args) {
        const options = args[0] || {};
        if (typeof defaults === "function") {
          super(defaults(options));
          return;
        }
        super(
          Object.assign(
            {},
            defaults,
            options,
            options.userAgent && defaults.userAgent ? {
              userAgent: `${options.userAgent} ${defaults.userAgent}`
            } : null
          )
        );
      }
    };
    return OctokitWithDefaults;
  }
  static plugins = [];
  /**
   * Attach a plugin (or many) to your Octokit instance.
   *
   * @example
   * const API = Octokit.plugin(plugin1, plugin2, plugin3, ...)
   */
  static plugin(...newPlugins) {
    const currentPlugins = this.plugins;
    const NewOctokit = class extends this {
      static plugins = currentPlugins.concat(
        newPlugins.filter((plugin) => !currentPlugins.includes(plugin))
      );
    };
    return NewOctokit;
  }
  constructor(options = {}) {
    const hook2 = new before_after_hook_default.Collection();
    const requestDefaults = {
      baseUrl: request.endpoint.DEFAULTS.baseUrl,
      headers: {},
      request: Object.assign({}, options.request, {
        // @ts-ignore internal usage only, no need to type
        hook: hook2.bind(null, "request")
      }),
      mediaType: {
        previews: [],
        format: ""
      }
    };
    requestDefaults.headers["user-agent"] = options.userAgent ? `${options.userAgent} ${userAgentTrail}` : userAgentTrail;
    if (options.baseUrl) {
      requestDefaults.baseUrl = options.baseUrl;
    }
    if (options.previews) {
      requestDefaults.mediaType.previews = options.previews;
    }
    if (options.timeZone) {
      requestDefaults.headers["time-zone"] = options.timeZone;
    }
    this.request = request.defaults(requestDefaults);
    this.graphql = withCustomRequest(this.request).defaults(requestDefaults);
    this.log = createLogger(options.log);
    this.hook = hook2;
    if (!options.authStrategy) {
      if (!options.auth) {
        this.auth = async () => ({
          type: "unauthenticated"
        });
      } else {
        const auth2 = createTokenAuth(options.auth);
        hook2.wrap("request", auth2.hook);
        this.auth = auth2;
      }
    } else {
      const { authStrategy, ...otherOptions } = options;
      const auth2 = authStrategy(
        Object.assign(
          {
            request: this.request,
            log: this.log,
            // we pass the current octokit instance as well as its constructor options
            // to allow for authentication strategies that return a new octokit instance
            // that shares the same internal state as the current one. The original
            // requirement for this was the "event-octokit" authentication strategy
            // of https://github.com/probot/octokit-auth-probot.
            octokit: this,
            octokitOptions: otherOptions
          },
          options.auth
        )
      );
      hook2.wrap("request", auth2.hook);
      this.auth = auth2;
    }
    const classConstructor = this.constructor;
    for (let i = 0; i < classConstructor.plugins.length; ++i) {
      Object.assign(this, classConstructor.plugins[i](this, options));
    }
  }
  // assigned during constructor
  request;
  graphql;
  log;
  hook;
  // TODO: type `octokit.auth` based on passed options.authStrategy
  auth;
};

// node_modules/@octokit/plugin-retry/dist-bundle/index.js
var import_light = __toESM(require_light(), 1);
var VERSION6 = "0.0.0-development";
function isRequestError(error) {
  return error.request !== void 0;
}
async function errorRequest(state, octokit, error, options) {
  if (!isRequestError(error) || !error?.request.request) {
    throw error;
  }
  if (error.status >= 400 && !state.doNotRetry.includes(error.status)) {
    const retries = options.request.retries != null ? options.request.retries : state.retries;
    const retryAfter = Math.pow((options.request.retryCount || 0) + 1, 2);
    throw octokit.retry.retryRequest(error, retries, retryAfter);
  }
  throw error;
}
async function wrapRequest(state, octokit, request2, options) {
  const limiter = new import_light.default();
  limiter.on("failed", function(error, info) {
    const maxRetries = ~~error.request.request?.retries;
    const after = ~~error.request.request?.retryAfter;
    options.request.retryCount = info.retryCount + 1;
    if (maxRetries > info.retryCount) {
      return after * state.retryAfterBaseValue;
    }
  });
  return limiter.schedule(
    requestWithGraphqlErrorHandling.bind(null, state, octokit, request2),
    options
  );
}
async function requestWithGraphqlErrorHandling(state, octokit, request2, options) {
  const response = await request2(options);
  if (response.data && response.data.errors && response.data.errors.length > 0 && /Something went wrong while executing your query/.test(
    response.data.errors[0].message
  )) {
    const error = new RequestError(response.data.errors[0].message, 500, {
      request: options,
      response
    });
    return errorRequest(state, octokit, error, options);
  }
  return response;
}
function retry(octokit, octokitOptions) {
  const state = Object.assign(
    {
      enabled: true,
      retryAfterBaseValue: 1e3,
      doNotRetry: [400, 401, 403, 404, 410, 422, 451],
      retries: 3
    },
    octokitOptions.retry
  );
  const retryPlugin = {
    retry: {
      retryRequest: (error, retries, retryAfter) => {
        error.request.request = Object.assign({}, error.request.request, {
          retries,
          retryAfter
        });
        return error;
      }
    }
  };
  if (state.enabled) {
    octokit.hook.error("request", errorRequest.bind(null, state, retryPlugin));
    octokit.hook.wrap("request", wrapRequest.bind(null, state, retryPlugin));
  }
  return retryPlugin;
}
retry.VERSION = VERSION6;

// node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var import_light2 = __toESM(require_light(), 1);
var VERSION7 = "0.0.0-development";
var noop3 = () => Promise.resolve();
function wrapRequest2(state, request2, options) {
  return state.retryLimiter.schedule(doRequest, state, request2, options);
}
async function doRequest(state, request2, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request2.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop3);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop3);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop3);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request2, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error) => error.type === "RATE_LIMITED")) {
      const error = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];
function routeMatcher(paths) {
  const regexes = paths.map(
    (path2) => path2.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck2, common) {
  groups.global = new Bottleneck2.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck2.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck2.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck2.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck2.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck: Bottleneck2 = import_light2.default,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck2, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck2();
    const events = {};
    const emitter = new Bottleneck2.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error, info) {
      const [state2, request2, options] = info.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error.status !== 401;
      if (!(shouldRetryGraphQL || error.status === 403 || error.status === 429)) {
        return;
      }
      const retryCount = ~~request2.retryCount;
      request2.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error.message)) {
          const retryAfter2 = Number(error.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error.response.headers != null && error.response.headers["x-ratelimit-remaining"] === "0" || (error.response.data?.errors ?? []).some(
          (error2) => error2.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request2.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request2, options) => {
    initializeBottleneck();
    return wrapRequest2(state, request2, options);
  });
  return {};
}
throttling.VERSION = VERSION7;
throttling.triggersNotification = triggersNotification;

// src/adapters/forge/http-error.ts
function isHttpError(error) {
  return error instanceof Error && typeof error.status === "number";
}
function isRateLimited(error) {
  if (error.status === 429) return true;
  if (error.status !== 403) return false;
  const headers = error.response?.headers ?? {};
  return String(headers["x-ratelimit-remaining"]) === "0" || /\bsecondary rate\b/i.test(forgeMessage(error)) || headers["retry-after"] !== void 0;
}
function forgeMessage(error) {
  const data = error.response?.data;
  if (data && typeof data === "object" && typeof data.message === "string") {
    const { message, errors } = data;
    const details = Array.isArray(errors) ? errors.map(describeDetail).filter((d) => d !== "" && d !== message) : [];
    return details.length ? `${message} (${details.join("; ")})` : message;
  }
  if (typeof data === "string" && data.trim() !== "") {
    return data.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim().slice(0, 200);
  }
  return error.message.replace(/ - https?:\/\/\S+$/, "");
}
function describeDetail(detail) {
  if (typeof detail === "string") return detail;
  if (detail && typeof detail === "object") {
    const { message, field, code } = detail;
    if (typeof message === "string") return message;
    if (typeof field === "string") return `${field}: ${typeof code === "string" ? code : "invalid"}`;
  }
  return "";
}

// src/adapters/forge/write-pacer.ts
function createWritePacer(intervalMs) {
  const keys = /* @__PURE__ */ new Map();
  return {
    key(id) {
      let limiter = keys.get(id);
      if (!limiter) {
        let last = Number.NEGATIVE_INFINITY;
        let queue = Promise.resolve();
        limiter = {
          schedule(_options, fn, ...args) {
            const turn = queue.then(async () => {
              const wait = last + intervalMs - Date.now();
              if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
              last = Date.now();
            });
            queue = turn;
            return turn.then(() => fn(...args));
          }
        };
        keys.set(id, limiter);
      }
      return limiter;
    }
  };
}

// src/adapters/forge/forge-octokit.ts
var DO_NOT_RETRY = Array.from({ length: 100 }, (_, i) => 400 + i).filter((status) => status !== 408);
function tooManyRequestsIsARateLimit(octokit) {
  octokit.hook.error("request", (error) => {
    if (isHttpError(error) && error.status === 429 && !/\bsecondary rate\b/i.test(error.message)) {
      error.message = `secondary rate limit (HTTP 429 Too Many Requests): ${error.message}`;
    }
    throw error;
  });
}
var ForgeOctokit = Octokit.plugin(tooManyRequestsIsARateLimit, retry, throttling);
function createForgeOctokit(options) {
  const retries = options.retries ?? 3;
  const timing = options.timing ?? {};
  const maxWait = timing.maxRateLimitWaitSeconds ?? 60;
  const timeoutMs = timing.requestTimeoutMs ?? 3e4;
  const warn = (message) => options.log?.warn(message);
  const onLimit = (kind) => (retryAfter, request2, _octokit, retryCount) => {
    const where = `${request2.method} ${pathOf(request2.url)}`;
    if (retryCount >= retries) {
      warn(`${options.forgeName} ${kind} on ${where}: giving up after ${retryCount} ${retryCount === 1 ? "retry" : "retries"}`);
      return false;
    }
    if (retryAfter > maxWait) {
      warn(`${options.forgeName} ${kind} on ${where}: it lifts in ${retryAfter} s, longer than the ${maxWait} s prd-bot waits`);
      return false;
    }
    warn(`${options.forgeName} ${kind} on ${where}: retrying in ${retryAfter} s (${retryCount + 1}/${retries})`);
    return true;
  };
  const throttle = {
    id: `prd-bot ${options.baseUrl}`,
    retryAfterBaseValue: timing.rateLimitMsPerSecond ?? 1e3,
    onRateLimit: onLimit("rate limit"),
    onSecondaryRateLimit: onLimit("secondary rate limit")
  };
  if (timing.writeIntervalMs !== void 0) {
    const pacer = createWritePacer(timing.writeIntervalMs);
    Object.assign(throttle, { write: pacer, notifications: pacer });
  }
  return new ForgeOctokit({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: `prd-bot/${VERSION}`,
    log: { debug: () => void 0, info: () => void 0, warn, error: warn },
    retry: { retries, retryAfterBaseValue: timing.retryBaseMs ?? 1e3, doNotRetry: DO_NOT_RETRY },
    throttle,
    request: { fetch: fetchWithTimeout(timeoutMs) }
  });
}
function fetchWithTimeout(timeoutMs) {
  return (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(input, { ...init, signal });
  };
}
function pathOf(url) {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split("?")[0] ?? url;
  }
}

// src/adapters/forge/to-forge-error.ts
var NEEDS = {
  defaultBranch: { github: "metadata: read", gitea: "read:repository" },
  readFile: { github: "contents: read", gitea: "read:repository" },
  compare: { github: "contents: read", gitea: "read:repository" },
  findOpenPullRequest: { github: "pull-requests: read", gitea: "read:repository" },
  listOpenPullRequests: { github: "pull-requests: read", gitea: "read:repository" },
  getPullRequest: { github: "pull-requests: read", gitea: "read:repository" },
  openDraftPullRequest: { github: "pull-requests: write (and issues: write for labels)", gitea: "write:repository and write:issue" },
  updatePullRequest: { github: "pull-requests: write", gitea: "write:repository" },
  comment: { github: "issues: write or pull-requests: write", gitea: "write:issue" },
  listComments: { github: "issues: read or pull-requests: read", gitea: "read:issue" },
  listReviewComments: { github: "pull-requests: read", gitea: "read:repository" },
  editComment: { github: "issues: write or pull-requests: write", gitea: "write:issue" },
  react: { github: "issues: write or pull-requests: write", gitea: "write:issue" },
  review: { github: "pull-requests: write", gitea: "write:repository" },
  botLogin: { github: "none (GET /user)", gitea: "read:user" },
  latestCommitStatus: { github: "statuses: read", gitea: "read:repository" },
  setStatus: { github: "statuses: write (checks: write for check runs)", gitea: "write:repository" },
  permission: { github: "metadata: read", gitea: "read:repository, and repository admin rights to ask about other users" },
  dispatchWorkflow: { github: "actions: write", gitea: "write:repository" }
};
function toForgeError(operation, error, context) {
  if (error instanceof ForgeError) return error;
  const redact = redactor(context.secrets);
  const name = context.kind === "github" ? "GitHub" : "Gitea";
  const repo = `${context.repo.owner}/${context.repo.repo}`;
  if (!isHttpError(error)) {
    return new ForgeError(operation, redact(`${name} call for ${repo} failed: ${error instanceof Error ? error.message : String(error)}`));
  }
  const said = forgeMessage(error);
  const text = unreachable(error) ? `${name} call for ${repo} failed: ${said}. ${hint(operation, error, context, name, repo)}` : `${name} answered ${error.status} for ${repo}: ${said}. ${hint(operation, error, context, name, repo)}`;
  return new ForgeError(operation, redact(text), error.status);
}
function hint(operation, error, context, name, repo) {
  const needs = NEEDS[operation.split(" ")[0] ?? operation]?.[context.kind];
  const tried = context.retries === 1 ? "1 retry" : `${context.retries} retries`;
  if (isRateLimited(error)) {
    const reset = Number(error.response?.headers["x-ratelimit-reset"]);
    const when = Number.isFinite(reset) && reset > 0 ? ` The limit resets at ${new Date(reset * 1e3).toISOString()}.` : "";
    return `${name} rate-limited the token (prd-bot waits for short limits, up to ${tried}).${when} Run again later, space out runs, or use a token with a higher limit (a GitHub App).`;
  }
  if (unreachable(error)) {
    const variable = context.kind === "github" ? "GITHUB_API_URL" : "the Gitea server URL (GITHUB_SERVER_URL in Gitea Actions)";
    return `Could not reach ${context.apiUrl} (tried with ${tried}). Check ${variable} and the network.`;
  }
  switch (error.status) {
    case 401:
      return context.kind === "github" ? "The token was refused: check that it is set (the workflow's GITHUB_TOKEN or the action's token input) and not expired or revoked." : "The token was refused: check that it is set and not expired or deleted (Gitea: Settings \u2192 Applications \u2192 Access tokens).";
    case 403:
      return `The token may not do this${needs ? `: it needs ${needs}` : ""}. ${context.kind === "github" ? `Grant it in the workflow's "permissions:" block or the GitHub App's settings.` : `Give the token those scopes and its user write access to ${repo}.`}`;
    case 404:
      return `${repo}, or what the call names in it, was not found or is not visible to the token: check the repository name (owner/repo), the number or ref, and that the token can see the repository${needs ? ` (${needs})` : ""}.`;
    case 409:
    case 422:
      return `${name} refused the request as it stands; its message above says why.`;
    default:
      return error.status >= 500 ? `${name} kept failing (tried with ${tried}); try again later or check ${context.apiUrl}.` : "";
  }
}
function unreachable(error) {
  return error.status === 500 && !error.response;
}
function redactor(secrets) {
  return (text) => redactSecrets(text, secrets);
}

// src/adapters/forge/gitea/fold-commit-files.ts
function foldCommitFiles(commits) {
  const states = /* @__PURE__ */ new Map();
  for (const commit of oldestFirst(commits)) {
    for (const file of commit.files ?? []) {
      const before = states.get(file.filename);
      states.set(file.filename, next(before, file.status));
    }
  }
  return [...states].flatMap(([path2, state]) => state === "gone" ? [] : [{ path: path2, status: state }]);
}
function next(before, status) {
  if (status === "removed" || status === "deleted") return before === "added" || before === "gone" ? "gone" : "removed";
  if (before === "added" || before === "gone") return "added";
  if (status === "added" || status === "renamed" || status === "copied") return before === void 0 ? "added" : "modified";
  return "modified";
}
function oldestFirst(commits) {
  const [first, second] = commits;
  if (first && second && first.parents?.some((p) => p.sha === second.sha)) return [...commits].reverse();
  return commits;
}

// src/adapters/forge/gitea/gitea-answers.ts
var user = external_exports.object({ login: external_exports.string() });
var userAnswer = user;
var branch = external_exports.object({
  ref: external_exports.string(),
  sha: external_exports.string(),
  repo_id: external_exports.number().optional(),
  repo: external_exports.object({ full_name: external_exports.string() }).nullish()
});
var pullAnswer = external_exports.object({
  number: external_exports.number(),
  html_url: external_exports.string(),
  title: external_exports.string(),
  body: external_exports.string().nullish(),
  state: external_exports.string(),
  draft: external_exports.boolean().optional(),
  head: branch,
  base: branch,
  user: user.nullish(),
  labels: external_exports.array(external_exports.object({ id: external_exports.number(), name: external_exports.string() })).nullish()
});
var repositoryAnswer = external_exports.object({ default_branch: external_exports.string() });
var commentAnswer = external_exports.object({ id: external_exports.number(), html_url: external_exports.string() });
var listedCommentAnswer = external_exports.object({ id: external_exports.number(), body: external_exports.string().nullish(), user: user.nullish(), html_url: external_exports.string().nullish() });
var reviewAnswer = external_exports.object({ id: external_exports.number() });
var statusAnswer = external_exports.object({ context: external_exports.string().nullish(), status: external_exports.string().nullish() });
var reviewCommentAnswer = external_exports.object({
  id: external_exports.number(),
  path: external_exports.string().nullish(),
  body: external_exports.string().nullish(),
  position: external_exports.number().nullish(),
  original_position: external_exports.number().nullish()
});
var labelAnswer = external_exports.object({ id: external_exports.number(), name: external_exports.string() });
var permissionAnswer = external_exports.object({ permission: external_exports.string() });
var versionAnswer = external_exports.object({ version: external_exports.string() });
var contentsAnswer = external_exports.object({ type: external_exports.string(), encoding: external_exports.string().nullish(), content: external_exports.string().nullish() });
var compareAnswer = external_exports.object({
  commits: external_exports.array(
    external_exports.object({
      sha: external_exports.string(),
      parents: external_exports.array(external_exports.object({ sha: external_exports.string() })).nullish(),
      files: external_exports.array(external_exports.object({ filename: external_exports.string(), status: external_exports.string() })).nullish()
    })
  ).nullish()
});
function parseAnswer(schema, data, operation, what, apiUrl) {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join(".") || "(answer)"}: ${issue.message}`);
  throw new ForgeError(operation, `Gitea answered ${what} in a shape prd-bot does not know (${issues.join("; ")}); is ${apiUrl} the API of a Gitea 1.22 or newer?`);
}

// src/adapters/forge/gitea/gitea-labels.ts
var PAGE = 50;
var NEW_LABEL_COLOR = "#ededed";
function createLabelIds(octokit, repo, apiUrl, operation) {
  let known;
  const list = async () => {
    const labels = await collectPages(
      async (page) => {
        const { data, headers } = await octokit.request("GET /repos/{owner}/{repo}/labels", { ...repo, page, limit: PAGE });
        return { items: parseAnswer(labelAnswer.array(), data, operation, "the label list", apiUrl), link: headers.link };
      },
      { pageSize: PAGE }
    );
    return new Map(labels.map((label) => [label.name, label.id]));
  };
  const current = () => {
    known ??= list();
    known.catch(() => known = void 0);
    return known;
  };
  async function create(name) {
    try {
      const { data } = await octokit.request("POST /repos/{owner}/{repo}/labels", { ...repo, name, color: NEW_LABEL_COLOR });
      return parseAnswer(labelAnswer, data, operation, "the new label", apiUrl).id;
    } catch (error) {
      if (!isHttpError(error) || error.status !== 409 && error.status !== 422) throw error;
      known = void 0;
      const id = (await current()).get(name);
      if (id === void 0) throw error;
      return id;
    }
  }
  return {
    async find(name) {
      return (await current()).get(name);
    },
    async ensure(names) {
      const ids = [];
      for (const name of names) {
        const labels = await current();
        let id = labels.get(name);
        if (id === void 0) {
          id = await create(name);
          labels.set(name, id);
        }
        ids.push(id);
      }
      return ids;
    }
  };
}

// src/adapters/forge/gitea/gitea-pull.ts
function isWorkInProgress(title) {
  return /^\s*(WIP:|\[WIP\])/i.test(title);
}
function withWorkInProgress(title) {
  return isWorkInProgress(title) ? title : `WIP: ${title}`;
}
function toPullRequest(pull) {
  const headRepo = pull.head.repo?.full_name.toLowerCase();
  const sameRepo = pull.head.repo_id !== void 0 && pull.base.repo_id !== void 0 ? pull.head.repo_id === pull.base.repo_id : headRepo !== void 0 && headRepo === pull.base.repo?.full_name.toLowerCase();
  return {
    number: pull.number,
    url: pull.html_url,
    title: pull.title,
    body: pull.body ?? "",
    head: pull.head.ref,
    base: pull.base.ref,
    draft: pull.draft === true || isWorkInProgress(pull.title),
    state: pull.state === "open" ? "open" : "closed",
    // A deleted fork leaves no head repository: still a fork, never pushed to.
    fromFork: !sameRepo || pull.head.repo === null,
    headSha: pull.head.sha,
    author: pull.user?.login ?? ""
  };
}

// src/adapters/forge/gitea/gitea-version.ts
var DISPATCH_SINCE = { major: 1, minor: 24 };
function giteaVersion(version) {
  const compatible = /\+gitea-(\d+)\.(\d+)/.exec(version) ?? /^v?(\d+)\.(\d+)/.exec(version.trim());
  return compatible ? { major: Number(compatible[1]), minor: Number(compatible[2]) } : void 0;
}
function supportsWorkflowDispatch(version) {
  const parsed = giteaVersion(version);
  if (!parsed) return void 0;
  return parsed.major > DISPATCH_SINCE.major || parsed.major === DISPATCH_SINCE.major && parsed.minor >= DISPATCH_SINCE.minor;
}

// src/core/post/fit-body.ts
var COMMENT_BODY_MAX = 65536;
var NOTE = "\n\n_(cut here: the full text is longer than the forge allows in one comment)_";
function fitBody(body, max = COMMENT_BODY_MAX) {
  if (body.length <= max) return body;
  const room = Math.max(0, max - NOTE.length - 8);
  let cut = body.slice(0, room);
  const lastBreak = cut.lastIndexOf("\n");
  if (lastBreak > room / 2) cut = cut.slice(0, lastBreak);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const fence = openFence(cut);
  const closed = fence ? `${cut}
${fence}` : cut;
  return `${closed}${NOTE}`.slice(0, max);
}
function openFence(text) {
  let open;
  for (const line of text.split("\n")) {
    const match = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (!match) continue;
    const run = match[1];
    if (open === void 0) open = run;
    else if (run[0] === open[0] && run.length >= open.length && line.trim() === run) open = void 0;
  }
  return open;
}

// src/adapters/forge/gitea/gitea-review.ts
function toGiteaReviewComment(comment) {
  const body = fitBody(comment.body);
  return comment.side === "LEFT" ? { path: comment.path, body, old_position: comment.line } : { path: comment.path, body, new_position: comment.line };
}

// src/adapters/forge/gitea/create-gitea-forge.ts
var PAGE2 = 50;
var STATUS_DESCRIPTION_MAX = 1e3;
function createGiteaForge(options) {
  if (!options.token) throw new ForgeError("createGiteaForge", "no token: pass a Gitea access token (scopes write:repository, write:issue) as `token`");
  if (!options.baseUrl) throw new ForgeError("createGiteaForge", "no baseUrl: pass the Gitea server's root URL, e.g. https://gitea.example.com (GITHUB_SERVER_URL in Gitea Actions)");
  const repo = { owner: options.owner, repo: options.repo };
  const serverUrl = options.baseUrl.replace(/\/+$/, "").replace(/\/api\/v1$/, "");
  const apiUrl = (options.apiUrl ?? `${serverUrl}/api/v1`).replace(/\/+$/, "");
  const retries = options.retries ?? 3;
  const timing = { writeIntervalMs: 0, ...options.timing };
  const octokit = createForgeOctokit({ forgeName: "Gitea", baseUrl: apiUrl, token: options.token, retries, timing, log: options.log });
  const context = { kind: "gitea", repo, apiUrl, retries, secrets: secretsOf(options.token) };
  const labels = createLabelIds(octokit, repo, apiUrl, "openDraftPullRequest");
  const path2 = (route) => `/repos/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.repo)}${route}`;
  const segments = (text) => text.split("/").map(encodeURIComponent).join("/");
  let defaultBranch;
  let login;
  let version = options.serverVersion ? Promise.resolve(options.serverVersion) : void 0;
  let dispatchKnown = options.serverVersion ? supportsWorkflowDispatch(options.serverVersion) : void 0;
  async function call(operation, fn) {
    try {
      return await fn();
    } catch (error) {
      throw toForgeError(operation, error, context);
    }
  }
  const request2 = async (route, params = {}) => await octokit.request(route, params);
  const pull = (data, operation) => toPullRequest(parseAnswer(pullAnswer, data, operation, "a pull request", apiUrl));
  const listOpen = (operation, labelId, enough) => collectPages(
    async (page) => {
      const { data, headers } = await request2(`GET ${path2("/pulls")}`, { state: "open", page, limit: PAGE2, ...labelId !== void 0 ? { labels: labelId } : {} });
      return { items: parseAnswer(pullAnswer.array(), data, operation, "the pull request list", apiUrl), link: headers.link };
    },
    { pageSize: PAGE2, enough }
  );
  async function openPulls(operation, query, firstOnly) {
    let labelId;
    if (query.label !== void 0) {
      labelId = await labels.find(query.label);
      if (labelId === void 0) return [];
    }
    const wanted = (p) => (query.head === void 0 || p.head === query.head && !p.fromFork) && (query.titleContains === void 0 || p.title.includes(query.titleContains));
    const pulls = await listOpen(operation, labelId, firstOnly ? (all) => all.some((p) => wanted(toPullRequest(p))) : void 0);
    return pulls.map(toPullRequest).filter(wanted);
  }
  async function postStatus(status) {
    const text = status.details ? `${status.description}

${status.details}` : status.description;
    const description = text.length <= STATUS_DESCRIPTION_MAX ? text : `${text.slice(0, STATUS_DESCRIPTION_MAX - 1)}\u2026`;
    await call(
      "setStatus",
      () => request2(`POST ${path2(`/statuses/${encodeURIComponent(status.sha)}`)}`, { state: status.state, context: status.context, description, ...status.targetUrl ? { target_url: status.targetUrl } : {} })
    );
  }
  async function readVersion() {
    version ??= request2("GET /version").then(({ data }) => parseAnswer(versionAnswer, data, "dispatchWorkflow", "its version", apiUrl).version);
    version.catch(() => version = void 0);
    const value = await version;
    dispatchKnown = supportsWorkflowDispatch(value);
    return value;
  }
  return {
    kind: "gitea",
    repo,
    // workflowDispatch is assumed until the server's version says otherwise (serverVersion or GET /version).
    get capabilities() {
      return { draftFlag: false, checkRuns: false, reactions: true, workflowDispatch: dispatchKnown ?? true, suggestions: false };
    },
    defaultBranch() {
      defaultBranch ??= call("defaultBranch", async () => parseAnswer(repositoryAnswer, (await request2(`GET ${path2("")}`)).data, "defaultBranch", "the repository", apiUrl).default_branch);
      defaultBranch.catch(() => defaultBranch = void 0);
      return defaultBranch;
    },
    readFile(file, ref) {
      return call("readFile", async () => {
        let data;
        try {
          data = (await request2(`GET ${path2(`/contents/${segments(file)}`)}`, { ref })).data;
        } catch (error) {
          if (isHttpError(error) && error.status === 404) return void 0;
          throw error;
        }
        if (Array.isArray(data)) throw new ForgeError("readFile", `${file} at ${ref} in ${repo.owner}/${repo.repo} is a directory, not a file`);
        const contents = parseAnswer(contentsAnswer, data, "readFile", "the file's contents", apiUrl);
        if (contents.type !== "file") throw new ForgeError("readFile", `${file} at ${ref} in ${repo.owner}/${repo.repo} is a ${contents.type}, not a file`);
        return Buffer.from(contents.content ?? "", contents.encoding === "base64" ? "base64" : "utf8").toString("utf8");
      });
    },
    compare(base, head) {
      return call("compare", async () => {
        const { data } = await request2(`GET ${path2(`/compare/${segments(`${base}...${head}`)}`)}`);
        return foldCommitFiles(parseAnswer(compareAnswer, data, "compare", "the comparison", apiUrl).commits ?? []);
      });
    },
    gitRemote() {
      return gitRemoteFor(serverUrl, repo.owner, repo.repo, options.token);
    },
    async findOpenPullRequest(query) {
      return (await call("findOpenPullRequest", () => openPulls("findOpenPullRequest", query, true)))[0];
    },
    listOpenPullRequests(query) {
      return call("listOpenPullRequests", () => openPulls("listOpenPullRequests", query, false));
    },
    getPullRequest(number) {
      return call("getPullRequest", async () => pull((await request2(`GET ${path2(`/pulls/${number}`)}`)).data, "getPullRequest"));
    },
    openDraftPullRequest(input) {
      return call("openDraftPullRequest", async () => {
        const ids = await labels.ensure(input.labels);
        const title = withWorkInProgress(input.title);
        const { data } = await request2(`POST ${path2("/pulls")}`, { head: input.head, base: input.base, title, body: input.body, ...ids.length ? { labels: ids } : {} });
        return pull(data, "openDraftPullRequest");
      });
    },
    updatePullRequest(number, input) {
      return call("updatePullRequest", async () => {
        let title = input.title;
        if (title !== void 0 && !isWorkInProgress(title)) {
          const current = pull((await request2(`GET ${path2(`/pulls/${number}`)}`)).data, "updatePullRequest");
          if (current.draft) title = withWorkInProgress(title);
        }
        const { data } = await request2(`PATCH ${path2(`/pulls/${number}`)}`, { ...title !== void 0 ? { title } : {}, ...input.body !== void 0 ? { body: input.body } : {} });
        return pull(data, "updatePullRequest");
      });
    },
    comment(issueNumber, body) {
      return call("comment", async () => {
        const data = parseAnswer(commentAnswer, (await request2(`POST ${path2(`/issues/${issueNumber}/comments`)}`, { body: fitBody(body) })).data, "comment", "the new comment", apiUrl);
        return { id: data.id, url: data.html_url };
      });
    },
    listComments(issueNumber) {
      return call("listComments", async () => {
        const data = parseAnswer(listedCommentAnswer.array(), (await request2(`GET ${path2(`/issues/${issueNumber}/comments`)}`)).data, "listComments", "the comment list", apiUrl);
        return data.map((c) => ({ id: c.id, body: c.body ?? "", author: c.user?.login ?? "", url: c.html_url ?? "" }));
      });
    },
    listReviewComments(prNumber) {
      return call("listReviewComments", async () => {
        const reviews = await collectPages(
          async (page) => {
            const { data, headers } = await request2(`GET ${path2(`/pulls/${prNumber}/reviews`)}`, { page, limit: PAGE2 });
            return { items: parseAnswer(reviewAnswer.array(), data, "listReviewComments", "the review list", apiUrl), link: headers.link };
          },
          { pageSize: PAGE2, maxPages: 50 }
        );
        const comments = [];
        for (const review of reviews) {
          const { data } = await request2(`GET ${path2(`/pulls/${prNumber}/reviews/${review.id}/comments`)}`);
          for (const c of parseAnswer(reviewCommentAnswer.array(), data, "listReviewComments", "a review's comments", apiUrl)) {
            const left = !c.position && (c.original_position ?? 0) > 0;
            comments.push({ id: c.id, path: c.path ?? "", line: left ? c.original_position : c.position || null, ...left ? { side: "LEFT" } : {}, body: c.body ?? "" });
          }
        }
        return comments.sort((a, b) => a.id - b.id);
      });
    },
    async editComment(commentId, body) {
      await call("editComment", () => request2(`PATCH ${path2(`/issues/comments/${commentId}`)}`, { body: fitBody(body) }));
    },
    async react(commentId, reaction) {
      await call("react", () => request2(`POST ${path2(`/issues/comments/${commentId}/reactions`)}`, { content: reaction }));
    },
    async review(prNumber, input) {
      const comments = input.comments.map(toGiteaReviewComment);
      await call("review", () => request2(`POST ${path2(`/pulls/${prNumber}/reviews`)}`, { body: fitBody(input.body), event: "COMMENT", commit_id: input.commitSha, ...comments.length ? { comments } : {} }));
    },
    async setStatus(status) {
      await postStatus(status);
      return { as: "commit-status" };
    },
    async setCommitStatus(status) {
      await postStatus(status);
    },
    latestCommitStatus(sha, context2) {
      return call("latestCommitStatus", async () => {
        const found = await collectPages(
          async (page) => {
            const { data, headers } = await request2(`GET ${path2(`/statuses/${encodeURIComponent(sha)}`)}`, { sort: "recentupdate", page, limit: PAGE2 });
            return { items: parseAnswer(statusAnswer.array(), data, "latestCommitStatus", "the status list", apiUrl), link: headers.link };
          },
          { pageSize: PAGE2, maxPages: 10, enough: (all) => all.some((s) => s.context === context2) }
        );
        const state = found.find((s) => s.context === context2)?.status;
        return state === "pending" || state === "success" || state === "failure" || state === "error" ? state : void 0;
      });
    },
    botLogin() {
      login ??= call("botLogin", async () => parseAnswer(userAnswer, (await request2("GET /user")).data, "botLogin", "the token's user", apiUrl).login);
      login.catch(() => login = void 0);
      return login;
    },
    permission(user2) {
      if (user2.toLowerCase() === repo.owner.toLowerCase()) return Promise.resolve("admin");
      return call("permission", async () => {
        try {
          const { data } = await request2(`GET ${path2(`/collaborators/${encodeURIComponent(user2)}/permission`)}`);
          const level = parseAnswer(permissionAnswer, data, "permission", "a permission", apiUrl).permission;
          return level === "owner" || level === "admin" ? "admin" : level === "write" || level === "read" ? level : "none";
        } catch (error) {
          if (isHttpError(error) && error.status === 404) return "none";
          throw error;
        }
      });
    },
    async dispatchWorkflow(workflow, ref, inputs) {
      const serverVersion = await call("dispatchWorkflow", readVersion);
      if (supportsWorkflowDispatch(serverVersion) === false) {
        throw new UnsupportedError(
          "dispatchWorkflow",
          `Gitea ${serverVersion} at ${serverUrl} cannot start a workflow through its API; that needs Gitea ${DISPATCH_SINCE.major}.${DISPATCH_SINCE.minor} or newer. Upgrade Gitea, or run the prd-bot workflow on a schedule ("on: schedule") instead of dispatching it.`
        );
      }
      await call(
        "dispatchWorkflow",
        () => request2(`POST ${path2(`/actions/workflows/${encodeURIComponent(workflow)}/dispatches`)}`, { ref, ...Object.keys(inputs).length ? { inputs } : {} })
      );
    }
  };
}

// src/wiring/forge-jobs.ts
import { mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
var WRITE_ACCESS = /* @__PURE__ */ new Set(["admin", "write"]);
async function runForgeJob(request2, deps) {
  const refused = await authorize(request2, deps);
  if (refused) return refused;
  switch (request2.job) {
    case "help":
      return answerHelp(request2, deps);
    case "review":
      return reviewArm(request2, deps);
    case "apply":
      return (await import("./apply-job-ND4PXLZT.js")).runForgeApply({ pr: request2.pr, asked: requesterOf(request2) !== void 0 || deps.origin === "app" }, deps);
    case "audit":
      return (await import("./audit-job-MQDGQHMJ.js")).runForgeAudit(request2.pr, deps);
  }
}
function requesterOf(request2) {
  if (request2.job === "audit") return void 0;
  if (request2.comment) return request2.comment.author || void 0;
  return request2.job === "review" ? request2.labeler : void 0;
}
async function authorize(request2, deps) {
  if (deps.origin === "app") return void 0;
  const requester = requesterOf(request2);
  const what = request2.job === "help" ? "/scrum help" : request2.job === "review" && !request2.comment ? `the review label` : `/scrum ${request2.job}`;
  if (request2.job !== "audit" && (request2.comment || request2.job === "review" && request2.labeler !== void 0) && !requester) {
    return { notes: [`${what} on #${request2.pr} ignored: the event names nobody whose write access could be checked`] };
  }
  if (requester === void 0) return void 0;
  const permission = await deps.forge.permission(requester);
  if (!WRITE_ACCESS.has(permission)) {
    deps.log.info(`${what} by ${requester} on #${request2.pr} ignored: commands need write access (${requester} has ${permission})`);
    return { notes: [`${what} by ${requester} ignored: no write access`] };
  }
  const comment = request2.job === "audit" ? void 0 : request2.comment;
  if (comment && deps.forge.capabilities.reactions) {
    await deps.forge.react(comment.id, "eyes").catch((error) => deps.log.warn(`could not react to comment ${comment.id}: ${error.message}`));
  }
  return void 0;
}
async function answerHelp(request2, deps) {
  const posted = await deps.forge.comment(request2.pr, scrumHelp({ problem: request2.problem, label: deps.config.review.label }));
  deps.log.info(`answered ${request2.reason} with the command list (${posted.url})`);
  return { notes: [`answered with the /scrum command list (${posted.url})`] };
}
async function reviewArm(request2, deps) {
  let models;
  try {
    models = reviewModelsFor(deps.config, deps.env, { file: deps.configFile });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const asked = requesterOf(request2) !== void 0 || deps.origin === "app";
    if (asked) await deps.forge.comment(request2.pr, `prd-bot could not review this pull request: ${sanitizeModelText(error.message)}`);
    return { notes: [`review of #${request2.pr} not started: ${error.message}`], failure: error.message };
  }
  const workspace = await deps.workspace();
  await initParsers();
  const scratch = await mkdtemp(path.join(deps.tempDir, "prd-bot-state-"));
  try {
    const state = createBranchStore({ remoteUrl: credentialedUrl(deps.forge.gitRemote()), branch: deps.config.state.branch, workDir: scratch });
    return await runReviewJob(request2, { forge: deps.forge, workspace, state, ladder: models.ladder, ...models.embedder ? { embedder: models.embedder } : {}, config: deps.config, log: deps.log, now: deps.now });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

// src/adapters/forge/github/github-server-url.ts
var GITHUB_API_URL = "https://api.github.com";
function githubServerUrl(apiUrl) {
  const trimmed = apiUrl.replace(/\/+$/, "");
  if (/^https:\/\/api\.github\.com$/i.test(trimmed)) return "https://github.com";
  return trimmed.replace(/\/api\/v3$/i, "");
}

// src/adapters/forge/github/github-pull.ts
function toPullRequest2(pull) {
  const headRepo = pull.head.repo?.full_name.toLowerCase();
  return {
    number: pull.number,
    url: pull.html_url,
    title: pull.title,
    body: pull.body ?? "",
    head: pull.head.ref,
    base: pull.base.ref,
    draft: pull.draft === true,
    state: pull.state === "open" ? "open" : "closed",
    // A deleted fork leaves `head.repo` null: still a fork, never pushed to.
    fromFork: headRepo === void 0 || headRepo !== pull.base.repo?.full_name.toLowerCase(),
    headSha: pull.head.sha,
    author: pull.user?.login ?? ""
  };
}
function labelNames(pull) {
  return (pull.labels ?? []).flatMap((label) => label.name ? [label.name] : []);
}
function toComparedFile(file) {
  const status = file.status === "added" || file.status === "copied" ? "added" : file.status === "removed" ? "removed" : file.status === "renamed" ? "renamed" : "modified";
  const out = { path: file.filename, status };
  if (file.previous_filename !== void 0) out.previousPath = file.previous_filename;
  if (file.patch !== void 0) out.patch = file.patch;
  return out;
}

// src/adapters/forge/github/github-status.ts
var STATUS_DESCRIPTION_MAX2 = 140;
var CHECK_OUTPUT_MAX = 65535;
var ANNOTATIONS_PER_REQUEST = 50;
var ANNOTATIONS_MAX = 1e3;
function createStatusPoster(options) {
  const { octokit, repo } = options;
  let checkRuns = options.checkRuns;
  const runIds = /* @__PURE__ */ new Map();
  async function checkRun(status) {
    const key = `${status.sha} ${status.context}`;
    const completed = status.state !== "pending";
    const output = { title: truncate(status.description, 255), summary: truncate(status.details ?? status.description, CHECK_OUTPUT_MAX) };
    const batches = annotationBatches(status.annotations ?? []);
    const fields = {
      ...repo,
      name: status.context,
      ...completed ? { status: "completed", conclusion: status.state === "success" ? "success" : "failure" } : { status: "in_progress" },
      ...status.targetUrl ? { details_url: status.targetUrl } : {},
      output: { ...output, ...batches[0] ? { annotations: batches[0] } : {} }
    };
    let id = runIds.get(key);
    let url;
    if (id !== void 0) {
      try {
        url = (await octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", { ...fields, check_run_id: id })).data.html_url ?? void 0;
      } catch (error) {
        if (!isHttpError(error) || error.status !== 404) throw error;
        id = void 0;
      }
    }
    if (id === void 0) {
      const { data } = await octokit.request("POST /repos/{owner}/{repo}/check-runs", { ...fields, head_sha: status.sha });
      id = Number(data.id);
      url = data.html_url ?? void 0;
    }
    for (const batch of batches.slice(1)) {
      await octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", { ...repo, check_run_id: id, output: { ...output, annotations: batch } });
    }
    if (completed) runIds.delete(key);
    else runIds.set(key, id);
    return { as: "check-run", ...url ? { url } : {} };
  }
  async function commitStatus(status) {
    await octokit.request("POST /repos/{owner}/{repo}/statuses/{sha}", {
      ...repo,
      sha: status.sha,
      state: status.state,
      context: status.context,
      description: truncate(status.description, STATUS_DESCRIPTION_MAX2),
      ...status.targetUrl ? { target_url: status.targetUrl } : {}
    });
  }
  return {
    usesCheckRuns: () => checkRuns,
    commitStatus,
    async post(status) {
      if (checkRuns) {
        try {
          return await checkRun(status);
        } catch (error) {
          if (!isHttpError(error) || error.status !== 403 || isRateLimited(error)) throw error;
          checkRuns = false;
          options.log?.warn(
            `GitHub refused to create a check run (403: ${forgeMessage(error)}); posting commit statuses instead. Check runs need a GitHub App token, e.g. the workflow's GITHUB_TOKEN with "checks: write".`
          );
        }
      }
      await commitStatus(status);
      return { as: "commit-status" };
    }
  };
}
function annotationBatches(annotations) {
  const mapped = annotations.slice(0, ANNOTATIONS_MAX).map((a) => ({
    path: a.path,
    start_line: Math.max(1, a.line),
    end_line: Math.max(1, a.line),
    annotation_level: a.level,
    // GitHub caps an annotation's message at 64 KB; a line's worth is what reads well.
    message: truncate(a.message, 4e3)
  }));
  const batches = [];
  for (let i = 0; i < mapped.length; i += ANNOTATIONS_PER_REQUEST) batches.push(mapped.slice(i, i + ANNOTATIONS_PER_REQUEST));
  return batches;
}
function truncate(text, max) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}

// src/adapters/forge/github/github-review.ts
function toGitHubReviewComment(comment) {
  const side = comment.side ?? "RIGHT";
  const out = { path: comment.path, body: fitBody(comment.body), line: comment.line, side };
  if (comment.startLine !== void 0 && comment.startLine < comment.line) {
    out.start_line = comment.startLine;
    out.start_side = side;
  }
  return out;
}
function toReviewComment(comment) {
  return { id: Number(comment.id), path: comment.path, line: comment.line ?? null, ...comment.side === "LEFT" ? { side: "LEFT" } : {}, body: comment.body };
}

// src/adapters/forge/github/create-github-forge.ts
var PAGE3 = 100;
function createGitHubForge(options) {
  if (!options.octokit && !options.token) {
    throw new ForgeError("createGitHubForge", "no token and no octokit client: pass the workflow's GITHUB_TOKEN (or an app installation token) as `token`");
  }
  const repo = { owner: options.owner, repo: options.repo };
  const baseUrl = (options.baseUrl ?? GITHUB_API_URL).replace(/\/+$/, "");
  const serverUrl = options.serverUrl ?? githubServerUrl(baseUrl);
  const retries = options.retries ?? 3;
  const octokit = options.octokit ?? createForgeOctokit({ forgeName: "GitHub", baseUrl, token: options.token, retries, timing: options.timing, log: options.log });
  const context = { kind: "github", repo, apiUrl: baseUrl, retries, secrets: secretsOf(options.token) };
  const statuses = createStatusPoster({ octokit, repo, checkRuns: options.checkRuns ?? true, log: options.log });
  let defaultBranch;
  let login;
  async function call(operation, fn) {
    try {
      return await fn();
    } catch (error) {
      throw toForgeError(operation, error, context);
    }
  }
  const listOpen = (operation, query, enough) => call(
    operation,
    () => collectPages(
      async (page) => {
        const params = { ...repo, state: "open", per_page: PAGE3, page, ...query.head ? { head: `${repo.owner}:${query.head}` } : {} };
        const { data, headers } = await octokit.request("GET /repos/{owner}/{repo}/pulls", params);
        return { items: data, link: headers.link };
      },
      { pageSize: PAGE3, enough }
    )
  );
  const matches = (query) => (pull) => (query.titleContains === void 0 || pull.title.includes(query.titleContains)) && (query.label === void 0 || labelNames(pull).includes(query.label));
  return {
    kind: "github",
    repo,
    // checkRuns turns false once GitHub refused one to this token (github-status.ts).
    get capabilities() {
      return { draftFlag: true, checkRuns: statuses.usesCheckRuns(), reactions: true, workflowDispatch: true, suggestions: true };
    },
    defaultBranch() {
      defaultBranch ??= call("defaultBranch", async () => (await octokit.request("GET /repos/{owner}/{repo}", { ...repo })).data.default_branch);
      defaultBranch.catch(() => defaultBranch = void 0);
      return defaultBranch;
    },
    readFile(path2, ref) {
      return call("readFile", async () => {
        try {
          const { data } = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", { ...repo, path: path2, ref, mediaType: { format: "raw" } });
          if (typeof data === "string") return data;
          throw new ForgeError("readFile", `${path2} at ${ref} in ${repo.owner}/${repo.repo} is not a file (GitHub answered a directory listing or a link)`);
        } catch (error) {
          if (isHttpError(error) && error.status === 404) return void 0;
          throw error;
        }
      });
    },
    compare(base, head) {
      return call("compare", async () => {
        const { data } = await octokit.request("GET /repos/{owner}/{repo}/compare/{basehead}", { ...repo, basehead: `${base}...${head}` });
        return (data.files ?? []).map(toComparedFile);
      });
    },
    gitRemote() {
      if (!options.token) {
        throw new ForgeError("gitRemote", "no token to push with: pass `token` (an installation or Actions token) next to the octokit client");
      }
      return gitRemoteFor(serverUrl, repo.owner, repo.repo, options.token);
    },
    async findOpenPullRequest(query) {
      const wanted = matches(query);
      const pulls = await listOpen("findOpenPullRequest", { head: query.head }, (all) => all.some(wanted));
      const found = pulls.find((pull) => wanted(pull) && (query.head === void 0 || pull.head.ref === query.head));
      return found && toPullRequest2(found);
    },
    async listOpenPullRequests(query) {
      return (await listOpen("listOpenPullRequests", {})).filter(matches(query)).map(toPullRequest2);
    },
    getPullRequest(number) {
      return call("getPullRequest", async () => toPullRequest2((await octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", { ...repo, pull_number: number })).data));
    },
    async openDraftPullRequest(input) {
      const { data } = await call(
        "openDraftPullRequest",
        () => octokit.request("POST /repos/{owner}/{repo}/pulls", { ...repo, head: input.head, base: input.base, title: input.title, body: input.body, draft: true })
      );
      if (input.labels.length) {
        await call(
          `openDraftPullRequest (labels for #${data.number}, which is open)`,
          () => octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", { ...repo, issue_number: data.number, labels: input.labels })
        );
      }
      return toPullRequest2(data);
    },
    updatePullRequest(number, input) {
      return call("updatePullRequest", async () => {
        const { data } = await octokit.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", { ...repo, pull_number: number, ...input });
        return toPullRequest2(data);
      });
    },
    comment(issueNumber, body) {
      return call("comment", async () => {
        const { data } = await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...repo, issue_number: issueNumber, body: fitBody(body) });
        return { id: Number(data.id), url: data.html_url };
      });
    },
    listComments(issueNumber) {
      return call("listComments", async () => {
        const comments = await collectPages(
          async (page) => {
            const { data, headers } = await octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...repo, issue_number: issueNumber, per_page: PAGE3, page });
            return { items: data, link: headers.link };
          },
          { pageSize: PAGE3, maxPages: 50 }
        );
        return comments.map((c) => ({ id: Number(c.id), body: c.body ?? "", author: c.user?.login ?? "", url: c.html_url }));
      });
    },
    listReviewComments(prNumber) {
      return call("listReviewComments", async () => {
        const comments = await collectPages(
          async (page) => {
            const { data, headers } = await octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/comments", { ...repo, pull_number: prNumber, per_page: PAGE3, page });
            return { items: data, link: headers.link };
          },
          { pageSize: PAGE3, maxPages: 50 }
        );
        return comments.map(toReviewComment);
      });
    },
    async editComment(commentId, body) {
      await call("editComment", () => octokit.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", { ...repo, comment_id: commentId, body: fitBody(body) }));
    },
    async react(commentId, reaction) {
      await call("react", () => octokit.request("POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", { ...repo, comment_id: commentId, content: reaction }));
    },
    async review(prNumber, input) {
      const comments = input.comments.map(toGitHubReviewComment);
      await call(
        "review",
        () => octokit.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews", {
          ...repo,
          pull_number: prNumber,
          commit_id: input.commitSha,
          body: fitBody(input.body),
          event: "COMMENT",
          ...comments.length ? { comments } : {}
        })
      );
    },
    setStatus(status) {
      return call("setStatus", () => statuses.post(status));
    },
    async setCommitStatus(status) {
      await call("setStatus", () => statuses.commitStatus(status));
    },
    latestCommitStatus(sha, context2) {
      return call("latestCommitStatus", async () => {
        const found = await collectPages(
          async (page) => {
            const { data, headers } = await octokit.request("GET /repos/{owner}/{repo}/commits/{ref}/statuses", { ...repo, ref: sha, per_page: PAGE3, page });
            return { items: data, link: headers.link };
          },
          { pageSize: PAGE3, maxPages: 10, enough: (all) => all.some((s) => s.context === context2) }
        );
        const state = found.find((s) => s.context === context2)?.state;
        return state === "pending" || state === "success" || state === "failure" || state === "error" ? state : void 0;
      });
    },
    botLogin() {
      login ??= call("botLogin", async () => {
        try {
          return (await octokit.request("GET /user")).data.login;
        } catch (error) {
          if (isHttpError(error) && (error.status === 403 || error.status === 401)) return void 0;
          throw error;
        }
      });
      login.catch(() => login = void 0);
      return login;
    },
    permission(user2) {
      return call("permission", async () => {
        try {
          const { data } = await octokit.request("GET /repos/{owner}/{repo}/collaborators/{username}/permission", { ...repo, username: user2 });
          return data.permission === "admin" || data.permission === "write" || data.permission === "read" ? data.permission : "none";
        } catch (error) {
          if (isHttpError(error) && error.status === 404) return "none";
          throw error;
        }
      });
    },
    async dispatchWorkflow(workflow, ref, inputs) {
      await call(
        "dispatchWorkflow",
        () => octokit.request("POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches", {
          ...repo,
          workflow_id: workflow,
          ref,
          ...Object.keys(inputs).length ? { inputs } : {}
        })
      );
    }
  };
}

export {
  getUserAgent,
  RequestError,
  request,
  createTokenAuth,
  Octokit,
  retry,
  throttling,
  createWritePacer,
  createGiteaForge,
  GITHUB_API_URL,
  githubServerUrl,
  createGitHubForge,
  runForgeJob
};
/*! For license information please see chunk-DCRDSZAY.js.LEGAL.txt */
